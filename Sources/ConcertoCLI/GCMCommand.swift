public func runGCMCommand(_ arguments: [String]) -> (stdout: String, stderr: String, exitCode: Int32) { ("", "gcm: not yet available\n", 2) }
