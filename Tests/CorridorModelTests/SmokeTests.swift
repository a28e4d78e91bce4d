import Testing
@testable import CorridorModel
