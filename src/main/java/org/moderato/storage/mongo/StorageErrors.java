package org.moderato.storage.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteException;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.moderato.domain.Problem;

/**
 * Turns driver failures into what the rest of the server understands: storage that does not
 * answer becomes a 503 {@link Problem} with {@code Retry-After}; other failures pass through.
 */
final class StorageErrors {

  static final Duration RETRY_AFTER = Duration.ofSeconds(5);

  private StorageErrors() {}

  static <T> Future<T> translate(Throwable failure) {
    if (isUnavailable(failure)) {
      return Future.failedFuture(Problem.storageUnavailable(RETRY_AFTER));
    }
    return Future.failedFuture(failure);
  }

  static boolean isUnavailable(Throwable failure) {
    return failure instanceof MongoTimeoutException
        || failure instanceof MongoSocketException
        || failure instanceof TimeoutException
        || (failure instanceof MongoException && failure.getCause() instanceof MongoSocketException);
  }

  static boolean isDuplicateKey(Throwable failure) {
    return failure instanceof MongoWriteException write
        && write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
  }
}
