#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import TheaterCLI

exit(TheaterCommandLine.run(Array(CommandLine.arguments.dropFirst()), output: .standardStreams()))
