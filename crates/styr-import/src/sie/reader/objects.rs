//! Objects — cost centres, projects, anything a dimension holds — numbered in the order the
//! file first names them, by #OBJEKT or in a row's object list `{1 "100" 6 "P12"}`. A row
//! carries each object as its number ([`ObjectIndex`]), so a million rows on one cost centre
//! keep one name; the objects themselves are held to [`Limits::objects`], and their names to
//! [`Limits::names_bytes`].
//!
//! [`Limits::objects`]: crate::limits::Limits::objects
//! [`Limits::names_bytes`]: crate::limits::Limits::names_bytes

use super::Reader;
use crate::limits::Limit;
use crate::sie::SieSink;
use crate::sie::fields::{self, Field};
use crate::sie::records::{ObjectIndex, ObjectInfo};

impl<S: SieSink> Reader<'_, S> {
    /// Reads an object list into `self.objects`; false (with an error) when it is malformed.
    #[inline]
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
                let id = fields::unescaped(content, &pair[1]);
                let object = self.object(line, dimension, &id, None);
                self.objects.push((dimension, object));
            }
        }
        self.list_fields = inner;
        valid
    }

    /// The index of an object, registering it (with `name`, or none) the first time it is seen.
    /// Past the limits the file is refused and the object is not kept: its index then names
    /// no object, which is safe because a refused file's rows never reach the sink.
    #[inline]
    pub(super) fn object(
        &mut self,
        line: &[u8],
        dimension: u32,
        id: &[u8],
        name: Option<String>,
    ) -> ObjectIndex {
        let known = self
            .object_index
            .get(&dimension)
            .and_then(|objects| objects.get(id))
            .copied();
        if let Some(index) = known {
            if let Some(name) = name
                && self.keep_name(line, name.len())
            {
                self.file.objects[index as usize].name = name;
            }
            return index;
        }
        // A worker's new object would be numbered apart from the other workers'.
        self.unusual |= self.restricted;
        let count = self.file.objects.len() as u64 + 1;
        let text_id = self.kept(line, id).into_owned();
        let subject = format!("objektet ”{text_id}” i dimension {dimension}");
        let name = name.unwrap_or_default();
        if !self.within(line, Limit::Objects, count, &subject)
            || !self.keep_name(line, text_id.len() + name.len())
        {
            return ObjectIndex::MAX;
        }
        let index = ObjectIndex::try_from(self.file.objects.len()).unwrap_or(ObjectIndex::MAX);
        self.object_index
            .entry(dimension)
            .or_default()
            .insert(id.into(), index);
        self.file.objects.push(ObjectInfo {
            dimension,
            id: text_id,
            name,
        });
        index
    }
}
