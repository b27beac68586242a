//! TODO

use super::Reader;
use crate::sie::SieSink;
use crate::sie::encoding::Encoding;
use crate::sie::fields::{self, Field};
use crate::sie::records::{ObjectIndex, ObjectInfo};

impl<S: SieSink> Reader<'_, S> {
    /// Reads an object list into `self.objects`; false (with an error) when it is malformed.
    pub(super) fn object_list(&mut self, line: &[u8], field: Field) -> bool {
        self.objects.clear();
        let content = field.bytes(line);
        let mut inner = std::mem::take(&mut self.list_fields);
        let split = fields::split(content, &mut inner);
        let mut valid = split.is_ok();
        if valid && inner.len() % 2 == 1 {
            self.error(
                line,
                Some(field),
                "objektlistan har en dimension utan objekt: den ska vara {dimension \"objekt\" …}",
            );
            valid = false;
        }
        if valid {
            for pair in inner.chunks_exact(2) {
                let dimension = fields::dimension(&fields::unescaped(content, &pair[0]));
                let Some(dimension) = dimension else {
                    let shown = self.decode(pair[0].bytes(content)).into_owned();
                    self.error(
                        line,
                        Some(field),
                        format!("objektlistan har en dimension som inte är ett nummer: ”{shown}”"),
                    );
                    valid = false;
                    break;
                };
                let object = self.object(dimension, &fields::unescaped(content, &pair[1]), None);
                self.objects.push((dimension, object));
            }
        }
        self.list_fields = inner;
        valid
    }

    /// The index of an object, registering it (with `name`, or none) the first time it is seen.
    pub(super) fn object(
        &mut self,
        dimension: u32,
        id: &[u8],
        name: Option<String>,
    ) -> ObjectIndex {
        let objects = self.object_index.entry(dimension).or_default();
        if let Some(&index) = objects.get(id) {
            if let Some(name) = name {
                self.file.objects[index as usize].name = name;
            }
            return index;
        }
        // A worker's new object would be numbered apart from the other workers'.
        self.unusual |= self.restricted;
        let index = ObjectIndex::try_from(self.file.objects.len()).unwrap_or(ObjectIndex::MAX);
        objects.insert(id.into(), index);
        let id = self
            .encoding
            .unwrap_or(Encoding::Cp437)
            .decode(id)
            .into_owned();
        self.file.objects.push(ObjectInfo {
            dimension,
            id,
            name: name.unwrap_or_default(),
        });
        index
    }
}
