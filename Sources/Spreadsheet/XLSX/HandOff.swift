internal import Dispatch
internal import Synchronization

/// A bounded first-in, first-out hand-off from one producing thread to one consuming thread.
///
/// The producer waits when `capacity` items are unclaimed, so memory stays bounded; either side
/// can stop the other: the producer with ``finish()``, the consumer with ``cancel()``.
final class HandOff<Element: Sendable>: @unchecked Sendable {
    private let items = Locked<[Element]>([])
    /// Both made with value 0 and signalled up: libdispatch traps when a semaphore is freed below
    /// the value it was made with.
    private let free = DispatchSemaphore(value: 0)
    private let filled = DispatchSemaphore(value: 0)
    private let finished = Atomic<Bool>(false)
    private let cancelled = Atomic<Bool>(false)

    /// The consumer stopped; the producer should stop too.
    struct Cancelled: Error {}

    init(capacity: Int) {
        for _ in 0..<capacity { free.signal() }
    }

    /// Hands an item over, waiting for room; throws ``Cancelled`` once the consumer has gone.
    func put(_ item: Element) throws {
        free.wait()
        if cancelled.load(ordering: .acquiring) { throw Cancelled() }
        items.withLock { $0.append(item) }
        filled.signal()
    }

    /// Marks the end; ``take()`` returns `nil` once the items before it are taken.
    func finish() {
        finished.store(true, ordering: .releasing)
        filled.signal()
    }

    /// The next item, waiting for one; `nil` after ``finish()`` and the last item.
    func take() -> Element? {
        filled.wait()
        let item: Element? = items.withLock { $0.isEmpty ? nil : $0.removeFirst() }
        if item != nil { free.signal() }
        return item
    }

    /// Tells the producer to stop at its next ``put(_:)``.
    func cancel() {
        cancelled.store(true, ordering: .releasing)
        free.signal()
    }
}
