//! The goals' follow-up (`styr_reports::goals::GoalsFollowUp`) as text for the terminal and as
//! JSON, and its charts as SVG (`chart`): a KPI's trend and the kommun among its peers. Every
//! figure is the report's; this only writes it out. Figures taken from Kolada carry "Källa:
//! Kolada".
//!
//! ```text
//! Måluppfyllelse 2025 – Alingsås (1489), Kommunstyrelsen
//! Arbetsmiljömål: uppfyllt [beräknat: uppfyllt]
//!   1 av 1 nyckeltal når sitt målvärde
//!   - Arbetsbelastningen: 3,9 (omgång 3 2025) mot målvärdet 3,8 … — når målvärdet
//! ```

pub mod chart;

use std::fmt::Write;

use styr_domain::goals::Source;
use styr_domain::kolada::ATTRIBUTION;
use styr_reports::goals::{GoalsFollowUp, PeerComparison};

pub fn json(followup: &GoalsFollowUp) -> String {
    // Plain data structs, string keys: serialising cannot fail.
    serde_json::to_string_pretty(followup).expect("the follow-up serialises to JSON")
}

/// "median 0,8 · kvartiler -0,85–2,35 · plats 2 av 8 · bättre än medianen".
pub fn peer_line(peer: &PeerComparison, unit: styr_domain::goals::KpiUnit) -> String {
    let mut parts = Vec::new();
    match peer.own {
        Some(own) => parts.push(format!("kommunen {}", unit.show(own))),
        None => parts.push("kommunen saknar värde".into()),
    }
    if let Some(median) = peer.median {
        parts.push(format!("median {}", unit.show(median)));
    }
    if let (Some(low), Some(high)) = (peer.lower_quartile, peer.upper_quartile) {
        parts.push(format!(
            "kvartiler {}–{}",
            low.to_swedish(),
            high.to_swedish()
        ));
    }
    if let Some((rank, of)) = peer.rank {
        parts.push(format!("plats {rank} av {of}"));
    }
    match peer.better_than_median {
        Some(true) => parts.push("bättre än medianen".into()),
        Some(false) => parts.push("inte bättre än medianen".into()),
        None => {}
    }
    if !peer.missing.is_empty() {
        parts.push(format!("{} utan värde", peer.missing.len()));
    }
    format!("liknande kommuner {}: {}", peer.year, parts.join(" · "))
}

pub fn text(followup: &GoalsFollowUp, heading: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Måluppfyllelse {} – {heading}",
        followup.period.swedish()
    );
    if let Some((id, title)) = &followup.peer_group {
        let _ = writeln!(out, "Jämförelsegrupp: {title} ({id})");
    }
    let mut kolada = false;
    for goal in &followup.goals {
        let _ = writeln!(out);
        let chosen = goal.chosen.as_ref().map_or(String::new(), |chosen| {
            format!(" [bedömt av {}: {}]", chosen.by, chosen.reason)
        });
        let _ = writeln!(
            out,
            "{}: {} [beräknat: {}]{chosen}",
            goal.title,
            goal.shown().swedish(),
            goal.computed.computed.swedish()
        );
        let _ = writeln!(out, "  {}", goal.computed.trail);
        for row in &goal.kpis {
            let _ = writeln!(out, "  - {}", row.fulfilment.trail);
            if let Some(peer) = &row.peer {
                let _ = writeln!(out, "    {}", peer_line(peer, row.kpi.unit));
                kolada = true;
            }
            kolada |= row
                .values
                .iter()
                .any(|value| value.source == Source::Kolada);
        }
    }
    if let Some(judgement) = &followup.judgement {
        let _ = writeln!(out);
        let _ = writeln!(
            out,
            "Bättre kvalitet än liknande kommuner till en kostnad som inte överstiger referenskostnaden, {}: {}",
            judgement.year,
            judgement.verdict.swedish()
        );
        for line in &judgement.trail {
            let _ = writeln!(out, "  - {line}");
        }
        kolada = true;
    }
    if !followup.directions.is_empty() {
        let _ = writeln!(out);
        let _ = writeln!(out, "Politiska inriktningar");
        for direction in &followup.directions {
            let linked: Vec<String> = direction
                .goals
                .iter()
                .map(|(_, title)| title.clone())
                .chain(direction.kpis.iter().map(|(_, _, name)| name.clone()))
                .collect();
            let linked = if linked.is_empty() {
                "inget mål eller nyckeltal följer upp den".to_string()
            } else {
                linked.join(", ")
            };
            let _ = writeln!(out, "  {}: {linked}", direction.title);
        }
    }
    if kolada {
        let _ = writeln!(out);
        let _ = writeln!(out, "{ATTRIBUTION}");
    }
    out
}
