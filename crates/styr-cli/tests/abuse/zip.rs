//! ZIP archives made by hand, so that an archive can say what a test wants it to say: sizes
//! that lie, and deflate streams that inflate a few megabytes to hundreds — a ZIP bomb written
//! directly in deflate's fixed Huffman code (one literal, then "repeat the last 258 bytes" over
//! and over, thirteen bits for every 258 bytes), which takes milliseconds where compressing the
//! same bytes would take the test a minute.

/// An entry's data as packed in the archive.
pub struct Packed {
    /// 0 stored, 8 deflated.
    method: u16,
    bytes: Vec<u8>,
    /// How many bytes it unpacks to.
    size: u64,
    crc: u32,
}

/// Bytes stored as they are.
pub fn stored(bytes: &[u8]) -> Packed {
    Packed {
        method: 0,
        bytes: bytes.to_vec(),
        size: bytes.len() as u64,
        crc: crc32(bytes),
    }
}

/// Writes bits least significant first, as deflate packs them.
#[derive(Default)]
struct Bits {
    bytes: Vec<u8>,
    used: u32,
}

impl Bits {
    fn push(&mut self, value: u32, count: u32) {
        for bit in 0..count {
            if self.used.is_multiple_of(8) {
                self.bytes.push(0);
            }
            let last = self.bytes.len() - 1;
            self.bytes[last] |= (((value >> bit) & 1) as u8) << (self.used % 8);
            self.used += 1;
        }
    }

    /// A Huffman code, which deflate writes most significant bit first.
    fn code(&mut self, code: u32, length: u32) {
        let reversed = (0..length).fold(0, |out, bit| out << 1 | (code >> bit) & 1);
        self.push(reversed, length);
    }
}

/// A deflate stream of `repeats × 258 + 1` bytes of `byte`, and that size. Its CRC is not
/// computed (it would take longer than the rest of the test): a reader must refuse the entry
/// before it could check it.
pub fn bomb(byte: u8, repeats: u64) -> Packed {
    let mut bits = Bits::default();
    bits.push(1, 1); // the last block
    bits.push(1, 2); // fixed Huffman codes
    bits.code(0x30 + u32::from(byte), 8); // the literal (bytes 0–143 are 8-bit codes)
    for _ in 0..repeats {
        bits.code(0b1100_0101, 8); // length 258: code 285
        bits.code(0, 5); // distance 1: code 0
    }
    bits.code(0, 7); // end of block: code 256
    Packed {
        method: 8,
        bytes: bits.bytes,
        size: repeats * 258 + 1,
        crc: 0,
    }
}

/// How many repeats make a bomb of about `size` bytes.
pub fn repeats_for(size: u64) -> u64 {
    size / 258
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0_u32;
    for byte in bytes {
        crc ^= u32::from(*byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                crc >> 1 ^ 0xedb8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// An archive of `entries`: (name, data, the unpacked size its headers declare — `None` for
/// the true one).
pub fn archive(entries: Vec<(String, Packed, Option<u64>)>) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    let count = entries.len();
    for (name, packed, declared) in entries {
        let size = declared.unwrap_or(packed.size) as u32;
        let offset = out.len() as u32;
        let header = |signature: u32, central: bool| {
            let mut record = signature.to_le_bytes().to_vec();
            if central {
                record.extend(20_u16.to_le_bytes()); // made by
            }
            record.extend(20_u16.to_le_bytes()); // needed to extract
            record.extend(0_u16.to_le_bytes()); // flags
            record.extend(packed.method.to_le_bytes());
            record.extend([0; 4]); // time and date
            record.extend(packed.crc.to_le_bytes());
            record.extend((packed.bytes.len() as u32).to_le_bytes());
            record.extend(size.to_le_bytes());
            record.extend((name.len() as u16).to_le_bytes());
            record.extend(0_u16.to_le_bytes()); // extra field
            if central {
                record.extend([0; 6]); // comment, disk, internal attributes
                record.extend([0; 4]); // external attributes
                record.extend(offset.to_le_bytes());
            }
            record.extend(name.as_bytes());
            record
        };
        out.extend(header(0x0403_4b50, false));
        out.extend(&packed.bytes);
        central.extend(header(0x0201_4b50, true));
    }
    let start = out.len() as u32;
    out.extend(&central);
    out.extend(0x0605_4b50_u32.to_le_bytes());
    out.extend([0; 4]); // disks
    out.extend((count as u16).to_le_bytes());
    out.extend((count as u16).to_le_bytes());
    out.extend((central.len() as u32).to_le_bytes());
    out.extend(start.to_le_bytes());
    out.extend(0_u16.to_le_bytes()); // comment
    out
}

/// The archives made here read as any other archive, in the zip crate's reader.
pub fn the_hand_made_archives_read_as_any_other() {
    use std::io::Read;
    {
        let bytes = archive(vec![
            ("a.xml".into(), stored(b"<a/>"), None),
            ("b.bin".into(), bomb(b'x', 40), None),
        ]);
        let mut zip = ::zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("an archive");
        let mut text = String::new();
        zip.by_name("a.xml")
            .expect("a")
            .read_to_string(&mut text)
            .expect("read");
        assert_eq!(text, "<a/>");
        let mut inflated = Vec::new();
        let _ = zip.by_name("b.bin").expect("b").read_to_end(&mut inflated);
        assert_eq!(
            inflated,
            vec![b'x'; 40 * 258 + 1],
            "the bomb inflates to what it says"
        );
    }
}
