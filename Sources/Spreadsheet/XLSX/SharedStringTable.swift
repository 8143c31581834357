internal import Dispatch
internal import Synchronization

#if canImport(Glibc)
    internal import Glibc
#elseif canImport(Darwin)
    internal import Darwin
#endif

/// The shared-string table, filled by one thread while the sheet is parsed on another.
///
/// A large workbook's shared strings are a quarter to a half of its XML. Parsing them beside the
/// sheet, rather than before it, lets a two-core machine read the workbook in the time of the
/// larger part. The sheet waits only for an index the table has not reached yet, which is rare
/// because writers list strings in the order cells first use them.
///
/// Strings live in fixed-size blocks that never move, so the reader can use any published index
/// without a lock; the count is published with release/acquire ordering after each append.
final class SharedStringTable: @unchecked Sendable {
    private static let blockShift = 14
    private static let blockSize = 1 << blockShift
    private let maxBlocks: Int
    private let limit: Int
    private let blocks: UnsafeMutablePointer<UnsafeMutablePointer<String>?>
    private let published = Atomic<Int>(0)
    private let finished = Atomic<Bool>(false)
    private let failure = Locked<(any Error)?>(nil)
    private let done = DispatchSemaphore(value: 0)
    private let path: String
    private let part: String?
    /// Writer-side count (only the filling thread touches it).
    @exclusivity(unchecked) private(set) var count = 0

    /// An empty table that can hold up to `limit` strings.
    init(limit: Int, path: String, part: String?) {
        self.limit = max(limit, 1)
        maxBlocks = (max(limit, 1) + Self.blockSize - 1) >> Self.blockShift
        blocks = .allocate(capacity: maxBlocks)
        blocks.initialize(repeating: nil, count: maxBlocks)
        self.path = path
        self.part = part
    }

    deinit {
        let total = published.load(ordering: .acquiring)
        for block in 0..<maxBlocks {
            guard let storage = blocks[block] else { continue }
            let used = min(max(total - block * Self.blockSize, 0), Self.blockSize)
            storage.deinitialize(count: used)
            storage.deallocate()
        }
        blocks.deallocate()
    }

    /// A table with nothing in it, already complete (for workbooks without shared strings).
    static func empty(path: String) -> SharedStringTable {
        let table = SharedStringTable(limit: 1, path: path, part: nil)
        table.finish(nil)
        return table
    }

    // MARK: Writer

    /// Whether another string fits under the limit.
    var isFull: Bool { count >= limit }

    /// Appends the next string; only the filling thread calls this.
    func append(_ string: String) {
        let block = count >> Self.blockShift
        if blocks[block] == nil { blocks[block] = .allocate(capacity: Self.blockSize) }
        // Safe to force: the block was just allocated above if missing.
        (blocks[block].unsafelyUnwrapped + (count & (Self.blockSize - 1))).initialize(to: string)
        count += 1
        published.store(count, ordering: .releasing)
    }

    /// Marks the table complete, or failed with `error`; wakes any reader that waits.
    func finish(_ error: (any Error)?) {
        failure.withLock { $0 = error }
        finished.store(true, ordering: .releasing)
        done.signal()
    }

    // MARK: Reader

    /// The string at an index, waiting for the filling thread if it has not got there yet;
    /// `nil` if the finished table is shorter.
    @inline(__always)
    func string(at index: Int) throws -> String? {
        if index < published.load(ordering: .acquiring) { return stored(index) }
        return try waitForString(at: index)
    }

    @inline(never)
    private func waitForString(at index: Int) throws -> String? {
        while true {
            if finished.load(ordering: .acquiring) {
                if let error = failure.withLock({ $0 }) { throw error }
                return index < published.load(ordering: .acquiring) ? stored(index) : nil
            }
            if index < published.load(ordering: .acquiring) { return stored(index) }
            usleep(50)
        }
    }

    @inline(__always)
    private func stored(_ index: Int) -> String {
        (blocks[index >> Self.blockShift].unsafelyUnwrapped + (index & (Self.blockSize - 1))).pointee
    }

    /// The number of strings once the table is complete; rethrows the filler's error.
    func waitUntilComplete() throws -> Int {
        if !finished.load(ordering: .acquiring) {
            done.wait()
            done.signal()  // later waiters pass straight through
        }
        if let error = failure.withLock({ $0 }) { throw error }
        return published.load(ordering: .acquiring)
    }
}
