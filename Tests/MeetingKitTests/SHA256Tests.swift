import Testing
@testable import MeetingKit

@Suite("SHA-256")
struct SHA256Tests {
    @Test("matches the FIPS 180-4 test vectors")
    func vectors() {
        #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256.hex(String(repeating: "a", count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test("incremental hashing equals one-shot hashing")
    func incremental() {
        let text = Array("会务纪要〔2026〕12号".utf8) + Array(repeating: 7, count: 200)
        var hasher = SHA256.Hasher256()
        for chunk in stride(from: 0, to: text.count, by: 13) { hasher.update(Array(text[chunk..<min(text.count, chunk + 13)])) }
        #expect(hasher.finalizeHex() == SHA256.hex(bytes: text))
    }
}
