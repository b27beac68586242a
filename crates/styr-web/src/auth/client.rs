//! The client's address, for the login throttle: the connection's peer, unless the peer is a
//! reverse proxy the operator named (`styr serve --trusted-proxy 10.0.0.5`), in which case
//! the address that proxy forwards. `X-Forwarded-For` is a header anyone can send, so from any
//! other peer it is ignored — believing it by default would let one guesser pose as every
//! address, and, behind a proxy that is not configured, every client is the proxy.
//!
//! ```text
//! peer 10.0.0.5 (trusted), X-Forwarded-For: 203.0.113.9, 198.51.100.7  →  198.51.100.7
//! peer 192.0.2.1,          X-Forwarded-For: 203.0.113.9                →  192.0.2.1
//! ```

use std::net::IpAddr;

use axum::http::HeaderMap;

/// The reverse proxies whose `X-Forwarded-For` names the client (none unless configured):
/// added to the router as an extension, `router.layer(Extension(TrustedProxies(…)))`.
#[derive(Clone, Debug, Default)]
pub struct TrustedProxies(pub Vec<IpAddr>);

/// The client's address: the connection's peer, unless the peer is a trusted proxy, in which
/// case the nearest address in `X-Forwarded-For` that is not itself a trusted proxy (each
/// proxy appends the address it was reached from, so the nearest entries are the ones the
/// trusted proxies wrote; anything further left is whatever the client sent).
pub fn client_address(
    peer: Option<IpAddr>,
    headers: &HeaderMap,
    trusted: &TrustedProxies,
) -> Option<IpAddr> {
    let peer = peer?;
    if !trusted.0.contains(&peer) {
        return Some(peer);
    }
    let forwarded: Vec<IpAddr> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .map(|entry| entry.trim().parse::<IpAddr>())
        .collect::<Result<_, _>>()
        // A header that does not read is not believed at all: the proxy is the client.
        .unwrap_or_default();
    Some(
        forwarded
            .into_iter()
            .rev()
            .find(|address| !trusted.0.contains(address))
            .unwrap_or(peer),
    )
}

#[cfg(test)]
mod tests {
    use axum::http::HeaderValue;

    use super::*;

    #[test]
    fn a_forwarded_address_is_believed_only_from_a_trusted_proxy() {
        let proxy: IpAddr = "10.0.0.5".parse().expect("an address");
        let mut headers = HeaderMap::new();
        headers.insert(
            "x-forwarded-for",
            HeaderValue::from_static("203.0.113.9, 198.51.100.7"),
        );
        let none = TrustedProxies::default();
        let trusted = TrustedProxies(vec![proxy]);
        assert_eq!(client_address(Some(proxy), &headers, &none), Some(proxy));
        assert_eq!(
            client_address(Some(proxy), &headers, &trusted),
            "198.51.100.7".parse().ok(),
            "the address the proxy appended, not what the client claimed before it"
        );
        let other: IpAddr = "192.0.2.1".parse().expect("an address");
        assert_eq!(client_address(Some(other), &headers, &trusted), Some(other));
        headers.insert(
            "x-forwarded-for",
            HeaderValue::from_static("inte en adress"),
        );
        assert_eq!(client_address(Some(proxy), &headers, &trusted), Some(proxy));
        assert_eq!(client_address(None, &headers, &trusted), None);
    }
}
