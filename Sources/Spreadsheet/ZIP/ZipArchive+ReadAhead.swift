internal import Dispatch
internal import Synchronization

extension ZipArchive {
    /// Entries at least this large are inflated on a second thread while the caller consumes them.
    static let readAheadSize: Int64 = 1 << 20

    /// Streams an entry like ``stream(_:_:)``, but inflates it on another thread a few chunks
    /// ahead of `body`, which runs on the calling thread.
    ///
    /// Inflating and checking the CRC are about a tenth of reading a sheet; on two cores they
    /// overlap with parsing. Memory stays bounded: the inflater waits when the caller is
    /// ``ReadAheadPipe/slotCount`` chunks behind. An error on either side stops both, and the
    /// inflater's errors (a bad CRC found at the end) are rethrown after the caller's.
    func streamReadingAhead(_ entry: ZipEntry, _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        guard entry.uncompressedSize >= Self.readAheadSize else {
            try stream(entry, body)
            return
        }
        let pipe = ReadAheadPipe()
        DispatchQueue(label: "quire.inflate-ahead").async { [self] in
            pipe.produce { deliver in try self.stream(entry, deliver) }
        }
        var consumerError: (any Error)?
        do {
            try pipe.consume(body)
        } catch {
            consumerError = error
            pipe.cancel()
        }
        let producerError = pipe.waitForProducer()
        if let consumerError { throw consumerError }
        if let producerError { throw producerError }
    }
}

/// A fixed ring of buffers between one inflating thread and one consuming thread.
final class ReadAheadPipe: @unchecked Sendable {
    static let slotCount = 16
    static let slotSize = 1 << 15

    private let slots: [UnsafeMutableRawBufferPointer]
    /// Bytes in each filled slot, with -1 marking the end of the stream.
    ///
    /// Written by the producer before it signals `filled`, read by the consumer after waiting on it.
    /// The lock orders a slot's bytes too: written before its length is set, read after it is
    /// read, and (through `consumed`) refilled only after the consumer is done with them. The
    /// semaphores only block and wake.
    private let lengths: Locked<[Int]>
    /// How many slots the consumer has finished with.
    private let consumed = Locked(0)
    /// Made with value 0 and signalled up: libdispatch traps when a semaphore is freed below the
    /// value it was made with.
    private let free = DispatchSemaphore(value: 0)
    private let filled = DispatchSemaphore(value: 0)
    private let done = DispatchSemaphore(value: 0)
    private let cancelled = Atomic<Bool>(false)
    /// Set by the producer before it signals `done`.
    private let producerError = Locked<(any Error)?>(nil)

    init() {
        slots = (0..<Self.slotCount).map { _ in
            UnsafeMutableRawBufferPointer.allocate(byteCount: Self.slotSize, alignment: 64)
        }
        lengths = Locked(Array(repeating: 0, count: Self.slotCount))
        for _ in 0..<Self.slotCount { free.signal() }
    }

    deinit {
        for slot in slots { slot.deallocate() }
    }

    private struct Cancelled: Error {}

    /// Runs on the producing thread: fills slots from `source`'s chunks, then marks the end.
    func produce(_ source: (_ deliver: (UnsafeRawBufferPointer) throws -> Void) throws -> Void) {
        var slot = 0
        var used = 0
        var holding = false
        func acquire() throws {
            free.wait()
            if cancelled.load(ordering: .acquiring) { throw Cancelled() }
            _ = consumed.withLock { $0 }  // the consumer's reads of this slot come before our writes
            holding = true
            used = 0
        }
        func publish(_ length: Int) {
            lengths.withLock { $0[slot] = length }
            holding = false
            filled.signal()
            slot = (slot + 1) % Self.slotCount
        }
        do {
            try source { chunk in
                var offset = 0
                while offset < chunk.count {
                    if !holding { try acquire() }
                    let take = min(chunk.count - offset, Self.slotSize - used)
                    guard let target = slots[slot].baseAddress, let origin = chunk.baseAddress else { return }
                    (target + used).copyMemory(from: origin + offset, byteCount: take)
                    used += take
                    offset += take
                    if used == Self.slotSize { publish(used) }
                }
            }
            if holding, used > 0 { publish(used) }
        } catch is Cancelled {
            // The consumer stopped first; it reports its own error.
        } catch {
            producerError.withLock { $0 = error }
        }
        // The end marker needs a slot of its own, unless the consumer has gone.
        if !cancelled.load(ordering: .acquiring) {
            if !holding { free.wait() }
            publish(-1)
        }
        done.signal()
    }

    /// Runs on the consuming thread: passes each filled slot to `body` until the end marker.
    func consume(_ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        var slot = 0
        while true {
            filled.wait()
            let length = lengths.withLock { $0[slot] }
            if length < 0 { return }
            try body(UnsafeRawBufferPointer(rebasing: slots[slot][0..<length]))
            consumed.withLock { $0 += 1 }
            free.signal()
            slot = (slot + 1) % Self.slotCount
        }
    }

    /// Tells the producer to stop at its next chunk.
    func cancel() {
        cancelled.store(true, ordering: .releasing)
        free.signal()  // wake a producer waiting for a slot
    }

    /// Waits until the producer has finished and returns its error, if any.
    func waitForProducer() -> (any Error)? {
        done.wait()
        return producerError.withLock { $0 }
    }
}
