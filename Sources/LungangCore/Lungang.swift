/// Version of the Lungang tool, recorded in every summary.
public let lungangVersion = "0.1.0"
