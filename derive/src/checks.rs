//! Format checks shared by the derive's rules: URLs and IP addresses.
//! Both run in linear time and never allocate.

use std::net::{IpAddr, Ipv6Addr};

/// Whether `s` is an acceptable URL; on failure, a short reason.
///
/// * an absolute URL: a scheme (`https:`, `myapp:`), then for `http`/`https` an
///   authority with a non-empty host (`https://example.com/callback`,
///   `http://localhost:3000`);
/// * `https`: the scheme must be `https`;
/// * `placeholders`: `{name}` may stand for any part, and `*` for a whole host
///   label (`https://*.example.com/{tenant}`);
/// * `empty`: the empty string is accepted.
///
/// No whitespace, control characters or `<>"\^`|` anywhere; `%` must start a
/// two-digit hex escape.
pub fn url_ok(s: &str, https: bool, placeholders: bool, empty: bool) -> Result<(), &'static str> {
    if s.is_empty() {
        return if empty { Ok(()) } else { Err("empty") };
    }
    let colon = s.find(':').ok_or("missing scheme")?;
    let scheme = &s[..colon];
    let mut sc = scheme.bytes();
    match sc.next() {
        Some(b) if b.is_ascii_alphabetic() => {}
        _ => return Err("missing scheme"),
    }
    if !sc.all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.')) {
        return Err("invalid scheme");
    }
    let web = scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https");
    if https && !scheme.eq_ignore_ascii_case("https") {
        return Err("scheme must be https");
    }
    let rest = &s[colon + 1..];
    check_chars(rest, placeholders)?;
    if let Some(after) = rest.strip_prefix("//") {
        let end = after.find(['/', '?', '#']).unwrap_or(after.len());
        let authority = &after[..end];
        let hostport = match authority.rfind('@') {
            Some(at) => &authority[at + 1..],
            None => authority,
        };
        let (host, port) = split_port(hostport)?;
        if let Some(port) = port {
            check_port(port, placeholders)?;
        }
        if host.is_empty() {
            return if web { Err("missing host") } else { Ok(()) };
        }
        check_host(host, placeholders)
    } else if web {
        Err("missing host")
    } else if rest.is_empty() {
        Err("nothing after the scheme")
    } else {
        Ok(())
    }
}

fn check_chars(s: &str, placeholders: bool) -> Result<(), &'static str> {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'%' => {
                if b.len() < i + 3 || !b[i + 1].is_ascii_hexdigit() || !b[i + 2].is_ascii_hexdigit()
                {
                    return Err("`%` must start a hex escape such as `%20`");
                }
                i += 3;
                continue;
            }
            b'{' if placeholders => {
                let len = placeholder_len(&b[i..]).ok_or("malformed `{placeholder}`")?;
                i += len;
                continue;
            }
            b'{' | b'}' => return Err("braces are not allowed (no placeholders here)"),
            c if c < 0x20 || c == 0x7f || c == b' ' => {
                return Err("whitespace or control characters are not allowed");
            }
            b'<' | b'>' | b'"' | b'\\' | b'^' | b'`' | b'|' => {
                return Err("character not allowed in a URL");
            }
            _ => {}
        }
        i += 1;
    }
    // Non-ASCII is allowed (IRIs), except whitespace and controls.
    if !s.is_ascii() && s.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err("whitespace or control characters are not allowed");
    }
    Ok(())
}

/// Length of `{name}` at the start of `b`, name made of `[A-Za-z0-9_.-]`.
fn placeholder_len(b: &[u8]) -> Option<usize> {
    let mut i = 1;
    while i < b.len() && (b[i].is_ascii_alphanumeric() || matches!(b[i], b'_' | b'.' | b'-')) {
        i += 1;
    }
    (i > 1 && i < b.len() && b[i] == b'}').then_some(i + 1)
}

fn split_port(hostport: &str) -> Result<(&str, Option<&str>), &'static str> {
    if hostport.starts_with('[') {
        let close = hostport.find(']').ok_or("unclosed `[` in host")?;
        let host = &hostport[..=close];
        match &hostport[close + 1..] {
            "" => Ok((host, None)),
            p => p
                .strip_prefix(':')
                .map(|p| (host, Some(p)))
                .ok_or("unexpected characters after `]`"),
        }
    } else {
        match hostport.rfind(':') {
            Some(c) => Ok((&hostport[..c], Some(&hostport[c + 1..]))),
            None => Ok((hostport, None)),
        }
    }
}

fn check_port(port: &str, placeholders: bool) -> Result<(), &'static str> {
    if port.is_empty() {
        return Ok(());
    }
    if placeholders && placeholder_len(port.as_bytes()) == Some(port.len()) {
        return Ok(());
    }
    if port.len() <= 5
        && port.bytes().all(|b| b.is_ascii_digit())
        && port.parse::<u32>().is_ok_and(|p| p <= 65535)
    {
        return Ok(());
    }
    Err("invalid port")
}

fn check_host(host: &str, placeholders: bool) -> Result<(), &'static str> {
    if let Some(inner) = host.strip_prefix('[') {
        let inner = inner.strip_suffix(']').unwrap_or(inner);
        return if inner.parse::<Ipv6Addr>().is_ok() {
            Ok(())
        } else {
            Err("invalid IPv6 host")
        };
    }
    let trimmed = host.strip_suffix('.').unwrap_or(host);
    for label in trimmed.split('.') {
        if label.is_empty() {
            return Err("empty label in host");
        }
        if label == "*" {
            if placeholders {
                continue;
            }
            return Err("wildcard `*` is not allowed here");
        }
        let b = label.as_bytes();
        let mut i = 0;
        while i < b.len() {
            match b[i] {
                b'{' if placeholders => match placeholder_len(&b[i..]) {
                    Some(n) => i += n,
                    None => return Err("malformed `{placeholder}`"),
                },
                b'%' => i += 3, // checked by check_chars
                c if c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b'~') || c >= 0x80 => {
                    i += 1
                }
                _ => return Err("invalid character in host"),
            }
        }
    }
    Ok(())
}

/// Whether `s` is an IPv4 or IPv6 address, or with `cidr`, also `addr/prefix`
/// with the prefix within the address family's range.
pub fn ip_ok(s: &str, cidr: bool) -> bool {
    // The longest valid form is an IPv6 address with an IPv4 tail plus `/128`.
    if s.len() > 64 {
        return false;
    }
    match s.split_once('/') {
        Some((addr, prefix)) if cidr => {
            let Ok(addr) = addr.parse::<IpAddr>() else {
                return false;
            };
            if prefix.is_empty() || prefix.len() > 3 || !prefix.bytes().all(|b| b.is_ascii_digit())
            {
                return false;
            }
            let Ok(p) = prefix.parse::<u8>() else {
                return false;
            };
            match addr {
                IpAddr::V4(_) => p <= 32,
                IpAddr::V6(_) => p <= 128,
            }
        }
        Some(_) => false,
        None => s.parse::<IpAddr>().is_ok(),
    }
}
