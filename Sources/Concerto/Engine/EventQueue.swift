/// The event calendar: an array-backed binary min-heap of plain value events ordered by
/// (time, priority, sequence number).
///
/// The heap stores `Event` values inline in one contiguous array; pushing and popping never
/// allocate once the array has grown to the run's peak size (call `reserveCapacity`).
public struct EventQueue: Sendable {
    @usableFromInline internal var heap: [Event] = []
    @usableFromInline internal var nextSequence: UInt64 = 0

    public init(capacity: Int = 64) {
        heap.reserveCapacity(capacity)
    }

    /// Number of pending events.
    @inlinable public var count: Int { heap.count }
    /// True when nothing is scheduled.
    @inlinable public var isEmpty: Bool { heap.isEmpty }
    /// Total events ever pushed (the next sequence number).
    @inlinable public var pushed: UInt64 { nextSequence }

    /// Events the storage holds without growing.
    public var capacity: Int { heap.capacity }

    /// Reserves room for `n` pending events.
    public mutating func reserveCapacity(_ n: Int) { heap.reserveCapacity(n) }

    /// The earliest event, without removing it.
    @inlinable public var first: Event? { heap.first }

    /// Schedules an event; its sequence number is assigned here.
    /// - Complexity: O(log n).
    @inlinable
    public mutating func push(_ event: Event) {
        var e = event
        e.key = (e.key & ~((1 << 40) - 1)) | (nextSequence & ((1 << 40) - 1))
        nextSequence &+= 1
        heap.append(e)
        siftUp(heap.count - 1)
    }

    /// Removes and returns the earliest event.
    /// - Complexity: O(log n).
    @inlinable
    public mutating func pop() -> Event? {
        let n = heap.count
        if n == 0 { return nil }
        if n == 1 { return heap.removeLast() }
        let top = heap[0]
        heap[0] = heap.removeLast()
        siftDown(0)
        return top
    }

    /// Removes every pending event (keeps the storage) and restarts the sequence numbers.
    public mutating func removeAll() {
        heap.removeAll(keepingCapacity: true)
        nextSequence = 0
    }

    @inlinable
    internal mutating func siftUp(_ index: Int) {
        heap.withUnsafeMutableBufferPointer { h in
            var child = index
            let item = h[child]
            while child > 0 {
                let parent = (child - 1) >> 1
                let p = h[parent]
                if !Event.precedes(item, p) { break }
                h[child] = p
                child = parent
            }
            h[child] = item
        }
    }

    /// Floyd's bottom-up sift-down: walk the hole to a leaf along the smaller children, then
    /// sift the item up from there (fewer comparisons: the moved item usually belongs low).
    @inlinable
    internal mutating func siftDown(_ index: Int) {
        heap.withUnsafeMutableBufferPointer { h in
            let n = h.count
            let item = h[index]
            var hole = index
            while true {
                let left = 2 * hole + 1
                if left >= n { break }
                let right = left + 1
                let best = (right < n && Event.precedes(h[right], h[left])) ? right : left
                h[hole] = h[best]
                hole = best
            }
            while hole > index {
                let parent = (hole - 1) >> 1
                let p = h[parent]
                if !Event.precedes(item, p) { break }
                h[hole] = p
                hole = parent
            }
            h[hole] = item
        }
    }

    /// Checks the heap property; for tests.
    public func _checkInvariants() -> Bool {
        for i in 1..<max(heap.count, 1) where i < heap.count {
            if Event.precedes(heap[i], heap[(i - 1) >> 1]) { return false }
        }
        return true
    }
}
