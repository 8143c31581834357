#if canImport(Glibc)
    import Glibc
#endif

/// A value behind a POSIX mutex, for state shared between threads.
///
/// Used where the standard library's `Mutex` would do, because ThreadSanitizer intercepts pthread
/// mutexes and so sees the order they impose, while on Linux `Mutex` locks with futexes it cannot
/// see: `make test-sanitize` would report every hand-over as a race.
final class Locked<Value>: @unchecked Sendable {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private var value: Value

    init(_ value: Value) {
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
        self.value = value
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deinitialize(count: 1)
        mutex.deallocate()
    }

    /// Runs `body` with the value, the lock held.
    func withLock<Result, Failure: Error>(_ body: (inout Value) throws(Failure) -> Result) throws(Failure) -> Result {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body(&value)
    }
}
