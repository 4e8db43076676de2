//! Did-you-mean hints for misspelt names.
//!
//! This is the one implementation of "which valid name did the user mean": the spec checker
//! (`spec-codegen`) uses it for unknown keys, types and references in a spec,
//! `#[derive(Validate)]` for unknown rules, arguments and fields, and the `validate` example of
//! the generated crate for unknown fields and enum values in a request body, so the same typo
//! gets the same hint everywhere.

/// The closest of `candidates` to `word`, if it is close enough to be a likely typo.
///
/// Names are compared case-insensitively. A candidate equal to `word` itself is skipped (it is
/// not a typo of itself); one that differs only in case wins. Otherwise a candidate that is a
/// prefix of `word`, or that `word` is a prefix of (`enum` for `enumeration`, `description` for
/// `desc`), counts as one edit when the shorter of the two has three or more characters (`b` is
/// no abbreviation of `b2b_integration_configuration`), and any other candidate as its
/// edit distance, where swapping two neighbouring characters is one edit (`nmae` is one edit
/// from `name`). The candidate with the fewest edits is returned, the first one on a tie,
/// provided it is at most a third of `word`'s length in characters away (at least 1).
///
/// ```
/// use spec_validate_impl::suggest::did_you_mean;
///
/// let keys = ["min_length", "max_length", "pattern"];
/// assert_eq!(did_you_mean("min_lenght", keys), Some("min_length"));
/// assert_eq!(did_you_mean("Pattern", keys), Some("pattern"));
/// assert_eq!(did_you_mean("format", keys), None);
/// ```
pub fn did_you_mean<'a, I>(word: &str, candidates: I) -> Option<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    let lower = word.to_lowercase();
    let limit = (word.chars().count() / 3).max(1);
    let mut best: Option<(usize, &'a str)> = None;
    for candidate in candidates {
        if candidate == word {
            continue;
        }
        let candidate_lower = candidate.to_lowercase();
        let distance = if candidate_lower == lower {
            0
        } else if candidate_lower.len().min(lower.len()) >= 3
            && (lower.starts_with(&candidate_lower) || candidate_lower.starts_with(&lower))
        {
            // `enumeration` for `enum`, `desc` for `description`.
            1
        } else {
            levenshtein(&lower, &candidate_lower)
        };
        if distance <= limit && best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, candidate));
        }
    }
    best.map(|(_, c)| c)
}

/// Edit distance between two strings, in characters, counting a swap of two neighbours as one
/// edit (optimal string alignment), so `nmae` is one edit from `name`.
fn levenshtein(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let width = b.len() + 1;
    let mut d = vec![0usize; (a.len() + 1) * width];
    for i in 0..=a.len() {
        d[i * width] = i;
    }
    for (j, cell) in d.iter_mut().enumerate().take(width) {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[(i - 1) * width + j] + 1)
                .min(d[i * width + j - 1] + 1)
                .min(d[(i - 1) * width + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[(i - 2) * width + j - 2] + 1);
            }
            d[i * width + j] = best;
        }
    }
    d[a.len() * width + b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spec_levenshtein_basics() {
        assert_eq!(levenshtein("kitten", "sitting"), 3);
        assert_eq!(levenshtein("", "abc"), 3);
        assert_eq!(
            did_you_mean("min_lenght", ["min_length", "max_length"]),
            Some("min_length")
        );
        assert_eq!(did_you_mean("zzz", ["min_length"]), None);
        assert_eq!(did_you_mean("nmae", ["name", "secret"]), Some("name"));
        assert_eq!(
            did_you_mean("enumeration", ["object", "enum"]),
            Some("enum")
        );
        assert_eq!(did_you_mean("String", ["string"]), Some("string"));
        assert_eq!(did_you_mean("desc", ["description"]), Some("description"));
        assert_eq!(did_you_mean("b", ["b2b_integration_configuration"]), None);
    }
}
