package org.moderato.storage;

import io.vertx.core.Future;
import java.util.Map;
import java.util.Set;

/** Admin-edited lists (blocked domains, names, clients, ...): one document per list. */
public interface ListRepository {

  Future<Map<String, Set<String>>> all();

  Future<Void> put(String list, Set<String> entries);
}
