internal import Dispatch
internal import Synchronization

/// Rows handed over at a time from a reading thread; a few batches are in flight at most.
let rowBatchSize = 256

/// Runs a row reader on a worker thread and hands its rows to `body` on this thread, in batches.
///
/// On two cores the caller's work on each row (writing CSV, say) then overlaps the reading.
/// Memory stays bounded: the worker waits while four batches are unclaimed. If `body` throws,
/// the worker stops at its next batch and `body`'s error is thrown; otherwise the reader's error,
/// or its metadata, is the result. Rows arrive in the order the reader emits them.
/// - Parameters:
///   - path: The file, for the message of an unexpected stop.
///   - read: Reads the rows, passing each to `emit`, and returns the metadata; runs on the worker.
///   - body: Receives each row on the calling thread.
/// - Returns: The reader's metadata.
/// - Throws: `body`'s error, else the reader's.
func readRowsFromWorker(
    path: String,
    _ read: @escaping @Sendable (_ emit: @escaping (Row) throws -> Void) throws -> SheetMetadata,
    _ body: (Row) throws -> Void
) throws -> SheetMetadata {
    let handOff = HandOff<[Row]>(capacity: 4)
    let outcome = Mutex<Result<SheetMetadata, any Error>?>(nil)
    let done = DispatchSemaphore(value: 0)
    // A queue of its own: it targets an overcommitting pool, so the worker gets a thread even
    // while other workers of this read block on each other.
    DispatchQueue(label: "quire.row-reader").async {
        var batch: [Row] = []
        batch.reserveCapacity(rowBatchSize)
        let result: Result<SheetMetadata, any Error>
        do {
            let metadata = try read { row in
                batch.append(row)
                if batch.count >= rowBatchSize {
                    try handOff.put(batch)
                    batch.removeAll(keepingCapacity: true)
                }
            }
            if !batch.isEmpty { try handOff.put(batch) }
            result = .success(metadata)
        } catch {
            result = .failure(error)
        }
        outcome.withLock { $0 = result }
        handOff.finish()
        done.signal()
    }
    var bodyError: (any Error)?
    consuming: while let rows = handOff.take() {
        for row in rows {
            do {
                try body(row)
            } catch {
                bodyError = error
                handOff.cancel()
                break consuming
            }
        }
    }
    done.wait()
    if let bodyError { throw bodyError }
    guard let result = outcome.withLock({ $0 }) else {
        throw SpreadsheetError.io(path: path, reason: "the row reader stopped unexpectedly")
    }
    return try result.get()
}
