package org.moderato.storage;

import io.vertx.core.Future;
import java.util.List;
import org.moderato.domain.AuditEntry;

/** The append-only log of moderation decisions, newest first when read. */
public interface AuditLogRepository {

  Future<Void> append(AuditEntry entry);

  /** Entries older than {@code after} (null: the newest), newest first. */
  Future<List<AuditEntry>> page(SortPosition after, int limit);
}
