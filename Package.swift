// swift-tools-version:6.0
// Concerto: a discrete-event simulator of concertation dynamics (hyperconcertation,
// decision latency, representativity) for Québec social-development partnerships.
// No package dependencies: the toolchain's standard library, Foundation and Dispatch only.
import PackageDescription

let package = Package(
    name: "Concerto",
    products: [
        // The engine, the concertation model, scenarios, measures, runner and reports.
        .library(name: "Concerto", targets: ["Concerto"]),
        // The command-line tool planners use.
        .executable(name: "concerto", targets: ["concerto"]),
        // The benchmark suite (events/s, replications/s, speed-up, peak memory).
        .executable(name: "concerto-bench", targets: ["ConcertoBench"]),
    ],
    targets: [
        // Core library: never imports the CLI, never prints.
        .target(name: "Concerto", path: "Sources/Concerto"),
        // Argument parsing and commands; calls the library.
        .target(name: "ConcertoCLI", dependencies: ["Concerto"], path: "Sources/ConcertoCLI"),
        // A few lines: hands the process arguments to ConcertoCLI.
        .executableTarget(name: "concerto", dependencies: ["ConcertoCLI"], path: "Sources/concerto"),
        // Benchmarks that check their own results.
        .executableTarget(name: "ConcertoBench", dependencies: ["Concerto"], path: "Benchmarks/ConcertoBench"),
        // Unit, oracle, invariant and metamorphic tests of the library.
        .testTarget(name: "ConcertoTests", dependencies: ["Concerto"], path: "Tests/ConcertoTests", exclude: ["Fixtures"]),
        // End-to-end tests of the built `concerto` binary.
        .testTarget(name: "ConcertoCLITests", dependencies: ["ConcertoCLI", "concerto"], path: "Tests/ConcertoCLITests", exclude: ["Goldens"]),
    ]
)
