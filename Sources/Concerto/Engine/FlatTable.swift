/// An immutable array of plain values (`BitwiseCopyable`: no strings, arrays or classes inside)
/// that the simulation's hot path reads through a raw pointer: no retain, no release, no
/// uniqueness check, no copy of a large element. A compiled `Structure` keeps its per-partner,
/// per-instance and per-issue-kind rules in such tables, shared read-only by every replication
/// and every thread; the memory is freed with the last reference.
public final class FlatTable<Element: BitwiseCopyable>: @unchecked Sendable, RandomAccessCollection {
    @usableFromInline let base: UnsafeMutablePointer<Element>
    public let count: Int

    public init(_ elements: [Element]) {
        count = elements.count
        base = .allocate(capacity: Swift.max(1, elements.count))
        elements.withUnsafeBufferPointer { b in
            if let a = b.baseAddress { base.initialize(from: a, count: b.count) }
        }
    }

    deinit { base.deallocate() }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    @inlinable
    public subscript(i: Int) -> Element {
        precondition(i >= 0 && i < count, "FlatTable index out of range")
        return base[i]
    }

    /// A view for the hot path: valid while this table is alive (a `Structure` holding it is).
    @inlinable
    public var view: TableView<Element> { TableView(base: UnsafePointer(base), count: count) }
}

/// A read-only view of a `FlatTable` for the hot path: a pointer and a count, trivially
/// copyable. Bounds are checked in debug builds (and so in the tests), not in release builds.
public struct TableView<Element: BitwiseCopyable>: @unchecked Sendable {
    @usableFromInline let base: UnsafePointer<Element>
    public let count: Int

    @inlinable init(base: UnsafePointer<Element>, count: Int) { self.base = base; self.count = count }

    /// Element `i`, read in place (a field of a large element is loaded without copying the rest).
    @inlinable
    public subscript(i: Int) -> Element {
        unsafeAddress {
            assert(i >= 0 && i < count, "TableView index out of range")
            return base + i
        }
    }

    /// A pointer to element `i` (for reading a field without copying the element).
    @inlinable @inline(__always)
    public func pointer(_ i: Int) -> UnsafePointer<Element> {
        assert(i >= 0 && i < count, "TableView index out of range")
        return base + i
    }

    /// Elements `start ..< start + length` as a buffer (for ranges into a flat table).
    @inlinable @inline(__always)
    public func slice(_ range: IndexRange) -> UnsafeBufferPointer<Element> {
        assert(range.start >= 0 && Int(range.start) + Int(range.count) <= count, "TableView range out of bounds")
        return UnsafeBufferPointer(start: base + Int(range.start), count: Int(range.count))
    }
}

/// A range of elements in a flat table (a route's steps, an instance's organisers...): where it
/// starts and how many there are. Plain value, so it can live inside hot-path rules.
public struct IndexRange: Sendable, Equatable, BitwiseCopyable {
    public var start: Int32
    public var count: Int32
    public init(start: Int, count: Int) { self.start = Int32(start); self.count = Int32(count) }
    public static let empty = IndexRange(start: 0, count: 0)
    public var indices: Range<Int> { Int(start) ..< Int(start) + Int(count) }
}
