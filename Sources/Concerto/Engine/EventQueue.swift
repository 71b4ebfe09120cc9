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

    /// Reserves room for `n` pending events.
    public mutating func reserveCapacity(_ n: Int) { heap.reserveCapacity(n) }

    /// The earliest event, without removing it.
    @inlinable public var first: Event? { heap.first }

    /// Schedules an event; its sequence number is assigned here.
    /// - Complexity: O(log n).
    @inlinable
    public mutating func push(_ event: Event) {
        var e = event
        e.sequence = nextSequence
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

    /// Removes every pending event (keeps the storage).
    public mutating func removeAll() {
        heap.removeAll(keepingCapacity: true)
    }

    @inlinable
    internal mutating func siftUp(_ index: Int) {
        var child = index
        let item = heap[child]
        while child > 0 {
            let parent = (child - 1) >> 1
            let p = heap[parent]
            if Event.precedes(item, p) {
                heap[child] = p
                child = parent
            } else { break }
        }
        heap[child] = item
    }

    @inlinable
    internal mutating func siftDown(_ index: Int) {
        let n = heap.count
        var parent = index
        let item = heap[parent]
        while true {
            let left = 2 * parent + 1
            if left >= n { break }
            var best = left
            let right = left + 1
            if right < n && Event.precedes(heap[right], heap[left]) { best = right }
            if Event.precedes(heap[best], item) {
                heap[parent] = heap[best]
                parent = best
            } else { break }
        }
        heap[parent] = item
    }

    /// Checks the heap property; for tests.
    public func _checkInvariants() -> Bool {
        for i in 1..<max(heap.count, 1) where i < heap.count {
            if Event.precedes(heap[i], heap[(i - 1) >> 1]) { return false }
        }
        return true
    }
}
