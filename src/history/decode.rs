//! Bytes of an export file, fed in chunks of any size, turned into UTF-8: a byte-order mark is
//! dropped, UTF-16 (little or big endian, with or without a mark) is transcoded, and a character
//! split across two chunks is carried over. Invalid UTF-8 is passed on and read field by field.

/// The text encoding of a file, decided from its first bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Encoding {
    Utf8,
    Utf16Le,
    Utf16Be,
}

impl Encoding {
    pub fn label(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf16Le => "UTF-16 (little endian)",
            Encoding::Utf16Be => "UTF-16 (big endian)",
        }
    }
}

/// Turns chunks of a file into UTF-8 bytes, keeping only the few bytes of a split character.
#[derive(Debug, Default)]
pub struct Decoder {
    encoding: Option<Encoding>,
    /// Bytes seen before the encoding could be decided, or the odd byte / lone surrogate of a
    /// UTF-16 character split between chunks.
    carry: Vec<u8>,
}

impl Decoder {
    pub fn encoding(&self) -> Option<Encoding> {
        self.encoding
    }

    /// Appends the UTF-8 form of `chunk` to `out`.
    pub fn decode(&mut self, chunk: &[u8], out: &mut Vec<u8>) {
        let Some(encoding) = self.encoding else {
            self.carry.extend_from_slice(chunk);
            if self.carry.len() >= 4 {
                self.decide(out);
            }
            return;
        };
        match encoding {
            Encoding::Utf8 => out.extend_from_slice(chunk),
            Encoding::Utf16Le | Encoding::Utf16Be => self.utf16(chunk, encoding, out),
        }
    }

    /// Flushes what is left at the end of the file.
    pub fn finish(&mut self, out: &mut Vec<u8>) {
        if self.encoding.is_none() {
            self.decide(out);
        }
        if !self.carry.is_empty() && self.encoding != Some(Encoding::Utf8) {
            // An odd byte or an unpaired surrogate at the very end.
            out.extend_from_slice(char::REPLACEMENT_CHARACTER.to_string().as_bytes());
            self.carry.clear();
        }
    }

    /// Decides the encoding from the bytes carried so far and decodes them.
    fn decide(&mut self, out: &mut Vec<u8>) {
        let head = std::mem::take(&mut self.carry);
        let (encoding, skip) = match head.as_slice() {
            [0xEF, 0xBB, 0xBF, ..] => (Encoding::Utf8, 3),
            [0xFF, 0xFE, ..] => (Encoding::Utf16Le, 2),
            [0xFE, 0xFF, ..] => (Encoding::Utf16Be, 2),
            // No mark: ASCII text in UTF-16 has a zero byte beside each letter.
            [a, 0, b, 0, ..] if *a != 0 && *b != 0 => (Encoding::Utf16Le, 0),
            [0, a, 0, b, ..] if *a != 0 && *b != 0 => (Encoding::Utf16Be, 0),
            _ => (Encoding::Utf8, 0),
        };
        self.encoding = Some(encoding);
        self.decode(&head[skip.min(head.len())..], out);
    }

    fn utf16(&mut self, chunk: &[u8], encoding: Encoding, out: &mut Vec<u8>) {
        let mut bytes = std::mem::take(&mut self.carry);
        bytes.extend_from_slice(chunk);
        let whole = bytes.len() / 2 * 2;
        let units = bytes[..whole].chunks_exact(2).map(|pair| match encoding {
            Encoding::Utf16Be => u16::from_be_bytes([pair[0], pair[1]]),
            _ => u16::from_le_bytes([pair[0], pair[1]]),
        });
        let mut units: Vec<u16> = units.collect();
        // A high surrogate at the end waits for its partner in the next chunk.
        let mut keep = bytes[whole..].to_vec();
        if let Some(&last) = units.last() {
            if (0xD800..0xDC00).contains(&last) {
                units.pop();
                let mut carried = bytes[whole - 2..whole].to_vec();
                carried.extend_from_slice(&keep);
                keep = carried;
            }
        }
        let mut buffer = [0u8; 4];
        for decoded in char::decode_utf16(units) {
            let c = decoded.unwrap_or(char::REPLACEMENT_CHARACTER);
            out.extend_from_slice(c.encode_utf8(&mut buffer).as_bytes());
        }
        self.carry = keep;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Decodes `bytes` fed in chunks of `size`.
    fn decode_in_chunks(bytes: &[u8], size: usize) -> (String, Option<Encoding>) {
        let mut decoder = Decoder::default();
        let mut out = Vec::new();
        for chunk in bytes.chunks(size) {
            decoder.decode(chunk, &mut out);
        }
        decoder.finish(&mut out);
        (String::from_utf8(out).unwrap(), decoder.encoding())
    }

    fn utf16(text: &str, big_endian: bool, mark: bool) -> Vec<u8> {
        let mut bytes = Vec::new();
        let units = if mark { "\u{FEFF}" } else { "" }.encode_utf16();
        for unit in units.chain(text.encode_utf16()) {
            let pair = if big_endian {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            };
            bytes.extend_from_slice(&pair);
        }
        bytes
    }

    #[test]
    fn every_encoding_reads_the_same_text_in_any_chunking() {
        let text = "Id,Subject\n1,Café 🚀 ok\n";
        let mut with_bom = vec![0xEF, 0xBB, 0xBF];
        with_bom.extend_from_slice(text.as_bytes());
        let cases = [
            (text.as_bytes().to_vec(), Encoding::Utf8),
            (with_bom, Encoding::Utf8),
            (utf16(text, false, true), Encoding::Utf16Le),
            (utf16(text, true, true), Encoding::Utf16Be),
            (utf16(text, false, false), Encoding::Utf16Le),
            (utf16(text, true, false), Encoding::Utf16Be),
        ];
        for (bytes, encoding) in cases {
            for size in [1, 2, 3, 5, 1000] {
                assert_eq!(
                    decode_in_chunks(&bytes, size),
                    (text.to_string(), Some(encoding)),
                    "{encoding:?} in chunks of {size}"
                );
            }
        }
    }

    #[test]
    fn a_tiny_file_is_decided_at_the_end() {
        assert_eq!(
            decode_in_chunks(b"a", 10),
            ("a".to_string(), Some(Encoding::Utf8))
        );
    }
}
