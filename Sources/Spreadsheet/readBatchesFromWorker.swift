internal import Dispatch
internal import Synchronization

/// Runs a reader on a worker thread and hands its batches to `body` on this thread.
///
/// On two cores the caller's work on each batch (typing the cells, writing CSV) then overlaps
/// the parsing, and what crosses between the cores is compact raw text, not finished cells.
/// Memory stays bounded: the worker waits while four batches are unclaimed. If `body` throws,
/// the worker stops at its next batch and `body`'s error is thrown; otherwise the reader's error,
/// or its metadata, is the result. Batches arrive in the order the reader emits them.
/// - Parameters:
///   - path: The file, for the message of an unexpected stop.
///   - read: Reads the batches, passing each to `emit`, and returns the metadata; runs on the
///     worker.
///   - body: Receives each batch on the calling thread.
/// - Returns: The reader's metadata.
/// - Throws: `body`'s error, else the reader's.
func readBatchesFromWorker<Batch: Sendable>(
    path: String,
    _ read: @escaping @Sendable (_ emit: @escaping (Batch) throws -> Void) throws -> SheetMetadata,
    _ body: (Batch) throws -> Void
) throws -> SheetMetadata {
    let handOff = HandOff<Batch>(capacity: 4)
    let outcome = Locked<Result<SheetMetadata, any Error>?>(nil)
    let done = DispatchSemaphore(value: 0)
    // A queue of its own: it targets an overcommitting pool, so the worker gets a thread even
    // while other workers of this read block on each other.
    DispatchQueue(label: "quire.sheet-reader").async {
        let result: Result<SheetMetadata, any Error>
        do {
            let metadata = try read { batch in try handOff.put(batch) }
            result = .success(metadata)
        } catch {
            result = .failure(error)
        }
        outcome.withLock { $0 = result }
        handOff.finish()
        done.signal()
    }
    var bodyError: (any Error)?
    while let batch = handOff.take() {
        do {
            try body(batch)
        } catch {
            bodyError = error
            handOff.cancel()
            break
        }
    }
    done.wait()
    if let bodyError { throw bodyError }
    guard let result = outcome.withLock({ $0 }) else {
        throw SpreadsheetError.io(path: path, reason: "the sheet reader stopped unexpectedly")
    }
    return try result.get()
}
