/// The 64-bit FNV-1a hash, as 16 lower-case hex digits: a stable fingerprint of bytes that
/// is the same from run to run and machine to machine (Swift's `Hasher` is seeded per
/// process). It detects change and tells names apart; it is no defence against an attacker.
///
///     FNV1a.hex("corridor".utf8)   // 16 hex digits
public enum FNV1a {
  public static func hex<S: Sequence>(_ bytes: S) -> String where S.Element == UInt8 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
    let digits = String(h, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
  }
}
