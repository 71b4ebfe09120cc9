/// A fixed-size mutable buffer of plain values owned by a `ReplicationWorkspace`: a pointer and
/// a count, trivially copyable, so that reading and writing it in the hot path costs a load or a
/// store (no reference counting, no uniqueness check). Bounds are checked in debug builds.
/// The workspace allocates it once per worker and frees it; a replication only resets it.
public struct Buffer<Element: BitwiseCopyable>: @unchecked Sendable, BitwiseCopyable {
    @usableFromInline var base: UnsafeMutablePointer<Element>
    public private(set) var count: Int

    /// Allocates `count` elements set to `value`.
    public static func allocate(_ count: Int, repeating value: Element) -> Buffer {
        let b = UnsafeMutablePointer<Element>.allocate(capacity: Swift.max(1, count))
        b.initialize(repeating: value, count: Swift.max(1, count))
        return Buffer(base: b, count: count)
    }

    @usableFromInline init(base: UnsafeMutablePointer<Element>, count: Int) { self.base = base; self.count = count }

    public func deallocate() { base.deallocate() }

    /// Element `i`, read and written in place.
    @inlinable
    public subscript(i: Int) -> Element {
        unsafeAddress {
            assert(i >= 0 && i < count, "Buffer index out of range")
            return UnsafePointer(base + i)
        }
        nonmutating unsafeMutableAddress {
            assert(i >= 0 && i < count, "Buffer index out of range")
            return base + i
        }
    }

    /// Sets every element to `value`.
    @inlinable
    public func fill(_ value: Element) { base.update(repeating: value, count: count) }

    /// The elements as a buffer pointer (for algorithms shared with arrays).
    @inlinable public var buffer: UnsafeMutableBufferPointer<Element> { UnsafeMutableBufferPointer(start: base, count: count) }

    /// A copy as an array (tests, reports).
    public var array: [Element] { Array(UnsafeBufferPointer(start: base, count: count)) }
}

/// A growable mutable buffer of plain values (waiting lists, issue slots, latency records):
/// grows by doubling and never shrinks, so once a worker's first replications have reached the
/// run's peak size, later replications append without allocating.
public struct GrowableBuffer<Element: BitwiseCopyable>: @unchecked Sendable, BitwiseCopyable {
    @usableFromInline var base: UnsafeMutablePointer<Element>
    public private(set) var count: Int = 0
    public private(set) var capacity: Int

    public init(capacity: Int = 16) {
        self.capacity = Swift.max(1, capacity)
        base = .allocate(capacity: self.capacity)
    }

    public func deallocate() { base.deallocate() }

    @inlinable
    public subscript(i: Int) -> Element {
        unsafeAddress {
            assert(i >= 0 && i < count, "GrowableBuffer index out of range")
            return UnsafePointer(base + i)
        }
        nonmutating unsafeMutableAddress {
            assert(i >= 0 && i < count, "GrowableBuffer index out of range")
            return base + i
        }
    }

    @inlinable public var isEmpty: Bool { count == 0 }

    /// Makes room for at least `n` elements (keeps the contents).
    public mutating func reserve(_ n: Int) {
        if n <= capacity { return }
        var c = capacity
        while c < n { c *= 2 }
        let b = UnsafeMutablePointer<Element>.allocate(capacity: c)
        b.moveInitialize(from: base, count: count)
        base.deallocate()
        base = b
        capacity = c
    }

    @inline(__always)
    public mutating func append(_ x: Element) {
        if count == capacity { reserve(count + 1) }
        (base + count).initialize(to: x)
        count += 1
    }

    /// Inserts at `index`, shifting the later elements up.
    public mutating func insert(_ x: Element, at index: Int) {
        assert(index >= 0 && index <= count, "GrowableBuffer insert out of range")
        if count == capacity { reserve(count + 1) }
        if index < count { (base + index + 1).moveInitialize(from: base + index, count: count - index) }
        (base + index).initialize(to: x)
        count += 1
    }

    @inline(__always)
    public mutating func removeLast() -> Element {
        assert(count > 0, "removeLast on an empty GrowableBuffer")
        count -= 1
        return base[count]
    }

    /// Keeps the first `n` elements.
    public mutating func truncate(to n: Int) {
        assert(n >= 0 && n <= count)
        count = n
    }

    /// Removes every element (keeps the storage).
    public mutating func removeAll() { count = 0 }

    /// Appends `n` copies of `value`.
    public mutating func append(repeating value: Element, count n: Int) {
        reserve(count + n)
        (base + count).initialize(repeating: value, count: n)
        count += n
    }

    @inlinable public var buffer: UnsafeMutableBufferPointer<Element> { UnsafeMutableBufferPointer(start: base, count: count) }
    public var array: [Element] { Array(UnsafeBufferPointer(start: base, count: count)) }
}
