"""Hand-written relations for every excerpt in the corpus (see check_relations.py).

Row references: a row label; 'label@n' for the n-th row with that label; '#k' for
data row k (1-based, header not counted). Column references: a header text,
'header@n' for the n-th column with that header.

kind = "sum"      target row is the total of a block of line rows
kind = "derived"  target row is a signed combination of other (non-adjacent) rows
kind = "column"   target column is a signed combination of other columns, row by row
kind = "percent"  target column is a percentage of other columns, row by row
claims: kind = "text"  a figure quoted in a sentence vs the table cells it states
        kind = "cross" a cell vs cells of another table / another column
"""
from __future__ import annotations

from pathlib import Path

from check_relations import parse_excerpt

HERE = Path(__file__).resolve().parent


def S(target, terms, **kw):
    return dict(kind="sum", target=target, terms=[("+", t) for t in terms], **kw)


def D(target, *terms, **kw):
    """D('Target', '+A', '-B') — signed terms, the sign is the first character."""
    return dict(kind="derived", target=target, terms=[(t[0], t[1:]) for t in terms], **kw)


def C(target, *terms, **kw):
    return dict(kind="column", target=target, terms=[(t[0], t[1:]) for t in terms], **kw)


def P(target, num, *den, **kw):
    return dict(kind="percent", target=target, num=num, den=[(t[0], t[1:]) for t in den], **kw)


def cell(t, r, c, scale=None):
    return ("cell", t, r, c) if scale is None else ("cell", t, r, c, scale)


def X(target, expr, **kw):
    return dict(kind="cross", target=target, expr=expr, **kw)


def T(quote, claim, expr, **kw):
    return dict(kind="text", quote=quote, claim=claim, expr=expr, **kw)


def block(fname, tindex, start, end):
    """Row refs '#k' strictly between the rows `start` and `end` of a table."""
    t = parse_excerpt(HERE / fname)[0][tindex - 1]
    a, b = t.row(start), t.row(end)
    return [f"#{k + 1}" for k in range(a + 1, b)]


SPEC: dict[str, dict] = {}

# --------------------------------------------------------------- Sjöbo 2025
F = "sjobo-budget-2025.txt"
SPEC[F] = dict(tables=[
    dict(unit="mnkr", precision="1 decimal", signs="nettokostnader som positiva tal (ett minus = nettointäkt)",
         minus_sign="U+2013 EN DASH följt av mellanslag ('– 1,8')",
         layout=["Nämndrubrik på egen rad utan belopp; raderna under hör till nämnden tills raden 'Summa'.",
                 "'Summa' förekommer fem gånger och 'Politisk verksamhet' åtta gånger: rader måste identifieras per block.",
                 "Valnämnd, Överförmyndarnämnd och Revision har en enda rad och ingen Summa-rad.",
                 "Utdraget slutar före blocket 'Finansiering' (avklippt i den lagrade kopian); tabellen saknar därför totalrad."],
         relations=[
             S("Summa@1", block(F, 1, "Kommunstyrelse", "Summa@1")),
             S("Summa@2", block(F, 1, "Familjenämnd", "Summa@2")),
             S("Summa@3", block(F, 1, "Vård- och omsorgsnämnd", "Summa@3")),
             S("Summa@4", block(F, 1, "Teknisk nämnd", "Summa@4")),
             S("Summa@5", block(F, 1, "Samhällsbyggnadsnämnd", "Summa@5")),
         ]),
    dict(unit="mnkr", precision="1 decimal", signs="intäkter positiva; finansiella kostnader som positiva tal; avdragsposter (kostnadsutjämning, LSS-avgift, eliminering) med minus",
         minus_sign="U+2013 EN DASH följt av mellanslag",
         layout=["Notrubrik med notnummer i kolumnen Not och tomma beloppsceller; 'Intern ränta' och 'Eliminering intern ränta' förekommer två gånger (not 3 och not 4)."],
         relations=[
             S("Summa skatteintäkter", ["Kommunalskatt", "Slutavräkning året innan", "Slutavräkning innevarande år"]),
             S("Summa statsbidrag och utjämning", ["Inkomstutjämning", "Kostnadsutjämning", "Regleringsavgift/bidrag",
                                                    "Övriga statsbidrag", "Utjämningsavgift LSS", "Kommunal fastighetsavgift"]),
             S("Summa finansiella intäkter", ["Utdelning aktier och andelar", "Ränteintäkter", "Borgensavgift", "Intern ränta@1",
                                              "Värdereglering och orealiserade vinster", "Övriga finansiella intäkter", "Eliminering intern ränta@1"]),
             S("Summa finansiella kostnader", ["Övriga räntekostnader", "Intern ränta@2", "Ränta på pensionsavsättningar", "Eliminering intern ränta@2"]),
         ]),
])

# --------------------------------------------------------------- Sjöbo 2024
F = "sjobo-budget-2024.txt"
YRS = ["Bokslut 2022", "Budget 2023", "Budget 2024", "Plan 2025", "Plan 2026", "Plan 2027"]
SPEC[F] = dict(
    notes=["Kolumnen Not står direkt före första beloppet i källan ('Verksamhetens intäkter 1 282,3'): läst som en rad utan Not-kolumn blir det 1 282,3. Resultaträkningens summor visar att notnumret är 1 och beloppet 282,3."],
    tables=[
        dict(unit="mnkr", precision="1 decimal", signs="intäkter positiva, kostnader negativa",
             minus_sign="U+2013 EN DASH följt av mellanslag",
             layout=["'varav'-rader är delar av raden ovanför och ingår inte i summorna.",
                     "Raden 'Återföring av orealiserade förluster i värdepapper' har bara ett belopp (0,0) i källan; här placerat i första beloppskolumnen.",
                     "Raden 'Orealiserade vinster i värdepapper' (+9,5 år 2022) läggs till resultatet; den motsvarar värderegleringen 9,5 bland finansiella kostnader 2022 — rubriken säger 'vinster' men beloppet är en återförd förlust. Aritmetiken stämmer."],
             relations=[
                 D("Verksamhetens nettokostnader", "+Verksamhetens intäkter", "+Verksamhetens kostnader", "+Avskrivningar"),
                 D("Verksamhetens resultat", "+Verksamhetens nettokostnader", "+Skatteintäkter", "+Generella statsbidrag och utjämning"),
                 D("Resultat före extraordinära poster", "+Verksamhetens resultat", "+Finansiella intäkter", "+Finansiella kostnader"),
                 D("Årets resultat", "+Resultat före extraordinära poster", "+Extraordinära intäkter", "+Extraordinära kostnader"),
                 D("Årets resultat efter balanskravsjusteringar", "+Årets resultat", "+Realisationsvinster",
                   "+Orealiserade vinster i värdepapper", "+Återföring av orealiserade förluster i värdepapper"),
                 D("Årets balanskravsresultat", "+Årets resultat efter balanskravsjusteringar",
                   "+Medel till resultatutjämningsreserv", "+Medel från resultatutjämningsreserv"),
             ]),
        dict(unit="mnkr", precision="1 decimal", signs="belopp positiva; negativt resultat med minus",
             minus_sign="U+2013 EN DASH följt av mellanslag",
             layout=["Rubrikrader (TILLGÅNGAR, Anläggningstillgångar …) utan belopp.",
                     "'Bidrag till statlig infrastruktur' står mellan anläggnings- och omsättningstillgångar och ingår i SUMMA TILLGÅNGAR.",
                     "Raden 'SUMMA EGET KAPITAL, AV–SÄTTNINGAR OCH SKULDER' är avstavad med tankstreck i källan (radbrytning 'AV–' / 'SÄTTNINGAR'); texten är behållen."],
             relations=[
                 S("Summa anläggningstillgångar", ["Immateriella anläggningstillgångar", "Materiella anläggningstillgångar", "Finansiella anläggningstillgångar"]),
                 S("Summa omsättningstillgångar", ["Fordringar", "Exploateringsverksamhet", "Kortfristiga placeringar", "Kassa och bank"]),
                 D("SUMMA TILLGÅNGAR", "+Summa anläggningstillgångar", "+Bidrag till statlig infrastruktur", "+Summa omsättningstillgångar"),
                 S("Summa eget kapital", ["Resultat", "Resultatutjämningsreserv", "Övrigt eget kapital"]),
                 S("Summa avsättningar", ["Avsättning för pensioner och liknande förpliktelser", "Andra avsättningar"]),
                 S("Summa skulder", ["Långfristiga skulder", "Kortfristiga skulder"]),
                 D("SUMMA EGET KAPITAL, AV–SÄTTNINGAR OCH SKULDER", "+Summa eget kapital", "+Summa avsättningar", "+Summa skulder"),
                 D("SUMMA EGET KAPITAL, AV–SÄTTNINGAR OCH SKULDER", "+SUMMA TILLGÅNGAR", note="balansräkningen balanserar"),
             ]),
    ],
    claims=[X((2, "Resultat", y), cell(1, "Årets resultat", y), note="balansbudgetens resultat = resultatbudgetens årets resultat") for y in YRS] + [
        X((2, "Övrigt eget kapital", b), ("add", cell(2, "Övrigt eget kapital", a), cell(2, "Resultat", a)),
          note="planåren: övrigt eget kapital = föregående års övriga eget kapital + föregående års resultat (resultatutjämningsreserven oförändrad)")
        for a, b in [("Budget 2024", "Plan 2025"), ("Plan 2025", "Plan 2026"), ("Plan 2026", "Plan 2027")]
    ],
)

# ------------------------------------------------------------ Hallsberg 2019
F = "hallsberg-arsredovisning-2019.txt"
SPEC[F] = dict(
    notes=["Notnumret står direkt före första beloppet i källan ('Verksamhetens intäkter 1 269 522 …'): läst utan Not-kolumn blir det 1 269."],
    tables=[
        dict(unit="mnkr", precision="heltal", signs="intäkter positiva, kostnader negativa; Avvikelse = Utfall 2019 − Budget 2019",
             minus_sign="U+2212 MINUS SIGN följt av mellanslag ('− 1 116')",
             layout=["'Extraordinära poster (netto)' saknar belopp."],
             relations=[
                 D("Verksamhetens nettokostnader", "+Verksamhetens intäkter", "+Verksamhetens kostnader", "+Avskrivningar"),
                 D("Verksamhetens resultat", "+Verksamhetens nettokostnader", "+Skatteintäkter", "+Generella statsbidrag och utjämning"),
                 D("Resultat efter finansiella poster", "+Verksamhetens resultat", "+Finansiella intäkter", "+Finansiella kostnader"),
                 D("Årets resultat", "+Resultat efter finansiella poster", "+Extraordinära poster (netto)"),
                 C("Avvikelse", "+Utfall 2019", "-Budget 2019"),
             ]),
        dict(unit="mnkr", precision="heltal", signs="avdrag som positiva nollor under 'Avgår'; reservering till RUR negativ",
             minus_sign="U+2212 MINUS SIGN följt av mellanslag",
             relations=[
                 D("Årets resultat efter balanskravsjusteringar", "+Årets resultat enligt resultaträkningen",
                   "-Avgår: realisationsvinster, mark, byggnader och tekniska anläggningar",
                   "-Avgår: realisationsvinster, maskiner och inventarier", "-Avgår: realisationsvinster, aktier och andelar",
                   note="2018: 29 − 0 − 0 − 0 tryckt som 28; går ihop bara om de tre nollorna tillsammans döljer 0,5–1,5 mnkr (gränsfall)."),
                 D("Balanskravsresultat", "+Årets resultat efter balanskravsjusteringar", "+Reservering till resultatutjämningsreserv (RUR)"),
             ]),
    ],
    claims=[
        X((2, "Årets resultat enligt resultaträkningen", c), cell(1, "Årets resultat", c)) for c in ["Utfall 2019", "Utfall 2018"]
    ] + [
        T("Årets resultat för kommunen uppgick till 42 mnkr", "42", cell(1, "Årets resultat", "Utfall 2019")),
        T("vilket var 27 mnkr bättre än budgeterat", "27", ("sub", cell(1, "Årets resultat", "Utfall 2019"), cell(1, "Årets resultat", "Budget 2019"))),
        T("För kommunkoncernen var resultatet 35 mnkr", "35", cell(1, "Årets resultat", "Koncern 2019")),
        T("Kommunens resultat blev ett överskott på 42 mnkr", "42", cell(1, "Årets resultat", "Utfall 2019")),
        T("det budgeterade resultatet på 15 mnkr", "15", cell(1, "Årets resultat", "Budget 2019")),
        T("påverkades av realisationsvinster med 0,1 mnkr", "0,1",
          ("add", cell(2, "Avgår: realisationsvinster, mark, byggnader och tekniska anläggningar", "Utfall 2019"),
           cell(2, "Avgår: realisationsvinster, maskiner och inventarier", "Utfall 2019"),
           cell(2, "Avgår: realisationsvinster, aktier och andelar", "Utfall 2019"))),
        T("Årets resultat för kommunkoncernen uppgick till 35 mnkr", "35", cell(1, "Årets resultat", "Koncern 2019")),
        T("vilket var 7 mnkr bättre än 2018", "7", ("sub", cell(1, "Årets resultat", "Koncern 2019"), cell(1, "Årets resultat", "Koncern 2018"))),
        T("efter balanskravsjusteringar uppgick till 42,4 mnkr", "42,4", cell(2, "Årets resultat efter balanskravsjusteringar", "Utfall 2019")),
        T("uppgick årets resultat till 36,4 mnkr", "36,4", cell(2, "Balanskravsresultat", "Utfall 2019"),
          note="Texten (sidan 'Resultat och kapacitet') anger 36,4 mnkr efter reservering till RUR, dvs. en reservering på 6,0 mnkr; balanskravsutredningen på resultaträkningens sida visar reservering − 15 och balanskravsresultat 27. Verklig motsägelse i källan."),
    ],
)

# ------------------------------------------------------------- Göteborg 2018
F = "goteborg-arsredovisning-2018.txt"
KG = ["Kommunen 2017", "Kommunen 2018", "Sammanställd redovisning 2017", "Sammanställd redovisning 2018"]
SPEC[F] = dict(
    tables=[
        dict(unit="mnkr", precision="heltal", signs="intäkter positiva, kostnader negativa; '-' = inget belopp",
             minus_sign="U+002D HYPHEN-MINUS utan mellanslag",
             layout=["Tvåradig kolumnrubrik i källan (Kommunen / Sammanställd redovisning över årtalen), här sammanslagen.",
                     "Notkolumnen innehåller listor som '2, 3, 17'.",
                     "Skatteintäkter, utjämning och finansiella poster läggs direkt till nettokostnaderna (ingen rad 'Verksamhetens resultat')."],
             relations=[
                 D("Verksamhetens nettokostnader", "+Verksamhetens intäkter", "+Verksamhetens kostnader", "+Avskrivningar och nedskrivningar"),
                 D("Resultat efter finansiella poster", "+Verksamhetens nettokostnader", "+Skatteintäkter", "+Kommunalekonomisk utjämning mm",
                   "+Finansiella intäkter", "+Finansiella kostnader"),
                 D("Årets resultat", "+Resultat efter finansiella poster", "+Extraordinära intäkter", "+Extraordinära kostnader",
                   "+Aktuell och uppskjuten skatt", "+Minoritetsandel"),
             ]),
        dict(unit="mnkr", precision="heltal", signs="avdrag negativa; '-' = inget belopp", minus_sign="U+002D",
             relations=[
                 D("Årets resultat efter balanskravsutredning före avsättning till RUR", "+Årets resultat", "+Avgår samtliga realisationsvinster",
                   "+Vissa realisationsvinster enligt undantagsmöjligheter", "+Vissa realisationsförluster enligt undantagsmöjligheter",
                   "+Orealiserade förluster i värdepapper", "+Återföring av orealiserade förluster i värdepapper"),
                 D("Årets balanskravsresultat efter avsättning till RUR", "+Årets resultat efter balanskravsutredning före avsättning till RUR",
                   "+Medel till resultatutjämningsreserv (RUR)", "+Medel från resultatutjämningsreserv (RUR)"),
             ]),
        dict(unit="mnkr", precision="heltal", signs="belopp positiva; '-' = inget belopp", minus_sign="U+002D",
             layout=["Eget kapital har ingen Summa-rad: beloppet står på rubrikraden 'EGET KAPITAL'.",
                     "'– varav årets resultat' (inledande tankstreck som listmarkör) är en del av eget kapital, ingen term i summan.",
                     "Rubrikrader (TILLGÅNGAR, ANLÄGGNINGSTILLGÅNGAR …) utan belopp."],
             relations=[
                 S("Summa anläggningstillgångar", ["Immateriella anläggningstillgångar", "Materiella anläggningstillgångar", "Finansiella anläggningstillgångar"]),
                 S("Summa omsättningstillgångar", ["Förråd, lager och exploateringsfastigheter", "Kortfristiga fordringar", "Kortfristiga placeringar", "Kassa och bank"]),
                 D("Summa tillgångar", "+Summa anläggningstillgångar", "+Summa omsättningstillgångar"),
                 S("Summa avsättningar", ["Avsättningar för pension och liknande förpliktelser", "Uppskjuten skatteskuld", "Övriga avsättningar"]),
                 S("Summa skulder", ["Långfristiga skulder", "Kortfristiga skulder"]),
                 D("Summa eget kapital, avsättningar och skulder", "+EGET KAPITAL", "+MINORITETSINTRESSE", "+Summa avsättningar", "+Summa skulder"),
                 D("Summa eget kapital, avsättningar och skulder", "+Summa tillgångar", note="balansräkningen balanserar"),
             ]),
    ],
    claims=[X((2, "Årets resultat", y), cell(1, "Årets resultat", f"Kommunen {y}")) for y in ["2017", "2018"]]
    + [X((3, "– varav årets resultat", c), cell(1, "Årets resultat", c)) for c in KG],
)

# ------------------------------------------------------------- Göteborg 2019
F = "goteborg-arsredovisning-2019.txt"
INV = ["Utfall 2019 U", "Utfall 2019 I", "Budget 2019 U", "Budget 2019 I",
       "Utfall 2016–2019 U", "Utfall 2016–2019 I", "Budget 2016–2019 U", "Budget 2016–2019 I"]
SPEC[F] = dict(tables=[
    dict(unit="mnkr", precision="heltal", signs="intäkter positiva, kostnader negativa", minus_sign="U+002D",
         relations=[
             D("Verksamhetens nettokostnader", "+Verksamhetens intäkter", "+Verksamhetens kostnader", "+Avskrivningar"),
             D("Verksamhetens resultat", "+Verksamhetens nettokostnader", "+Skatteintäkter", "+Generella statsbidrag och utjämningsbidrag"),
             D("Resultat efter finansiella poster", "+Verksamhetens resultat", "+Finansiella intäkter", "+Finansiella kostnader"),
             D("Årets resultat", "+Resultat efter finansiella poster", "+Extraordinära poster"),
         ]),
    dict(unit="mnkr", precision="heltal", signs="utgifter (U) negativa, inkomster (I) positiva; '-' = inget belopp", minus_sign="U+002D",
         layout=["Tvåradig kolumnrubrik i källan (period över U/I), här sammanslagen till 'Utfall 2019 U' osv.",
                 "Nämndens rad står ÖVER sina projektrader och är deras summa (ingen 'Summa'-etikett).",
                 "Utdraget omfattar de två första nämnderna; tabellen fortsätter i källan (Kretslopp och vattennämnden …) och totalraden finns inte med.",
                 "'Idrottshallar' har en positiv budgeterad utgift (8) och 'Övertagna föreningsanläggningar' (3) — så i källan."],
         relations=[
             S("Fastighetsnämnden", block(F, 2, "Fastighetsnämnden", "Idrotts- och föreningsnämnden"), cols=INV),
             S("Idrotts- och föreningsnämnden", [f"#{k}" for k in range(7, 18)], cols=INV),
         ]),
])

# ---------------------------------------------------------------- Gnesta 2013
F = "gnesta-arsredovisning-2013.txt"
SPEC[F] = dict(
    notes=["Källans webbtabell fortsätter efter Miljöenheten (Barn- och utbildningsnämnden …) men är avklippt i den lagrade kopian; utdraget omfattar de tre första blocken, som är fullständiga."],
    tables=[
        dict(unit="tkr", precision="heltal; procent med 1 decimal",
             signs="kostnader negativa; Förändring = Utfall 2013 − Utfall 2012; Budget-avvikelse = Utfall 2013 − Budget 2013",
             minus_sign="U+2013 EN DASH följt av mellanslag ('– 614', '– 5,7 %')",
             layout=["Två kolumner heter 'Förändring 2012/2013': den första i tkr, den andra i procent.",
                     "Blockets summarad står ÖVERST och bär nämndens namn (Kommungemensamma poster, Kommunstyrelsen, Miljö- och byggnämnden); ingen 'Summa'-etikett.",
                     "Procenten räknas mot 2012 års utfall med tecken: Förändring / (Utfall 2013 − Förändring); en ökad kostnad ger positiv procent."],
             relations=[
                 S("Kommungemensamma poster", block(F, 1, "Kommungemensamma poster", "Kommunstyrelsen"),
                   cols=["Utfall2013", "Förändring 2012/2013@1", "Budget 2013", "Budget-avvikelse"]),
                 S("Kommunstyrelsen", block(F, 1, "Kommunstyrelsen", "Miljö- och byggnämnden"),
                   cols=["Utfall2013", "Förändring 2012/2013@1", "Budget 2013", "Budget-avvikelse"]),
                 S("Miljö- och byggnämnden", ["Samhällsbyggnad administration", "Plan- och byggenheten", "Planeringsenheten", "Räddningsenheten", "Miljöenheten"],
                   cols=["Utfall2013", "Förändring 2012/2013@1", "Budget 2013", "Budget-avvikelse"]),
                 C("Budget-avvikelse", "+Utfall2013", "-Budget 2013"),
                 P("Förändring 2012/2013@2", "Förändring 2012/2013@1", "+Utfall2013", "-Förändring 2012/2013@1"),
             ]),
        dict(unit="tkr", precision="heltal", signs="intäkter positiva, avdrag negativa", minus_sign="U+2013 EN DASH följt av mellanslag",
             layout=["'varav'-raderna är här en fullständig uppdelning av Verksamhetens intäkter.",
                     "Koncernkolumnerna har 0 på raderna för interna poster: härledningen 'inklusive interna poster − interna poster' gäller bara kommunens kolumner."],
             relations=[
                 D("Verksamhetens intäkter", "+Inklusive interna poster", "+avgår interna poster", cols=["Kommunen 2013", "Kommunen 2012"]),
                 S("Verksamhetens intäkter", ["varav försäljningsmedel", "varav taxor och avgifter", "varav hyror och arrende", "varav bidrag",
                                              "varav försäljning av verksamhet", "varav övriga förvaltningsintäkter"]),
             ]),
        dict(unit="tkr", precision="heltal", signs="kostnader negativa", minus_sign="U+2013 EN DASH följt av mellanslag",
             layout=["Etiketten 'varav entreprenader och köp av verksamhet' är radbruten i källan ('varav entreprenader och köp' / 'av verksamhet'); här sammanfogad.",
                     "'Inklusive interna poster − interna poster' gäller bara kommunens kolumner."],
             relations=[
                 D("Verksamhetens kostnader", "+Inklusive interna poster", "+avgår interna poster", cols=["Kommunen 2013", "Kommunen 2012"]),
                 S("Verksamhetens kostnader", ["varav entreprenader och köp av verksamhet", "varav bidrag", "varav personalkostnader",
                                               "varav lokalkostnader", "varav förbrukning och främmande tjänster"]),
             ]),
        dict(unit="tkr", precision="heltal", signs="kostnader negativa", minus_sign="U+2013 EN DASH följt av mellanslag",
             relations=[S("Summa", ["Immateriella tillgångar", "Mark, byggnader och tekniska anläggningar", "Maskiner och inventarier"])]),
    ],
    claims=[
        T("kommunstyrelsens nettokostnader 37,3 mkr", "37,3", ("neg", cell(1, "Kommunstyrelsen", "Utfall2013", "0.001"))),
        T("en ökning med 1,6 mkr", "1,6", ("neg", cell(1, "Kommunstyrelsen", "Förändring 2012/2013@1", "0.001"))),
        T("(4,4 procent) från 2012", "4,4", ("pct", cell(1, "Kommunstyrelsen", "Förändring 2012/2013@1"),
                                             ("sub", cell(1, "Kommunstyrelsen", "Utfall2013"), cell(1, "Kommunstyrelsen", "Förändring 2012/2013@1")))),
        T("Kommunstyrelsen redovisade ett överskott på 0,2 mkr", "0,2", cell(1, "Kommunstyrelsen", "Budget-avvikelse", "0.001")),
    ],
)

# -------------------------------------------------------------- Västervik 2020/21
for F, Y, ys in [("vastervik-arsredovisning-2020.txt", "2020", "2019"), ("vastervik-arsredovisning-2021.txt", "2021", "2020")]:
    sn_end = "Miljö- och byggnadsnämnd"
    SPEC[F] = dict(
        notes=["Utdraget slutar vid " + ("Revision" if Y == "2020" else "Miljö- och byggnadsnämnd") +
               "; källans tabell fortsätter (Överförmyndare, Förändring semesterlöneskuld …) men är avklippt i den lagrade kopian, så totalraden saknas."],
        tables=[dict(
            unit="mnkr", precision="1 decimal",
            signs=f"intäkter positiva, kostnader negativa; Nettokostnad {Y} = Intäkter {Y} + Kostnader {Y}; Avvikelse = Nettokostnad − Budget",
            minus_sign="U+002D HYPHEN-MINUS utan mellanslag",
            layout=["Nämndens rad (Kommunstyrelse, Barn- och utbildningsnämnd, Socialnämnd) står ÖVER sina verksamhetsrader och är deras summa; ingen 'Summa'-etikett.",
                    f"Kolumnerna för {ys} (intäkter och kostnader) är jämförelsetal; budget och avvikelse finns bara för {Y}."]
            + (["Tusentalsavgränsare saknas i vissa belopp ('-1004,4', '-1133,1') men finns i andra ('-1 074,0' i 2020 års tabell).",
                "Raden 'Uttag ur resultatutjämningsfond' har fyra belopp av sju i källan ('0,0 0,0 -8,7 8,7'); budget −8,7 och avvikelse 8,7 är entydiga, de två nollorna är här lagda i Kostnader 2021 och Nettokostnad 2021 (påverkar ingen summa)."] if Y == "2021" else []),
            relations=[
                S("Kommunstyrelse", block(F, 1, "Kommunstyrelse", "Barn- och utbildningsnämnd")),
                S("Barn- och utbildningsnämnd", block(F, 1, "Barn- och utbildningsnämnd", "Socialnämnd")),
                S("Socialnämnd", block(F, 1, "Socialnämnd", sn_end)),
                C(f"Nettokostnad {Y}", f"+Intäkter {Y}", f"+Kostnader {Y}"),
                C(f"Avvikelse mot budget {Y}", f"+Nettokostnad {Y}", f"-Budget {Y}"),
            ])],
    )

# -------------------------------------------------------------- Helsingborg 2016
F = "helsingborg-arsredovisning-2016.txt"
SPEC[F] = dict(
    notes=["I den lagrade kopian av webbsidan står cellerna ihopskrivna utan avgränsare ('Socialnämnden11,80,0470,1248,6 -697,0 21,633,4'). De är delade efter mönstret 'ett belopp = heltalsdel med mellanslag som tusentalsavgränsare + komma + exakt en decimal'; varje rads delning bekräftas av radens två kolumnsamband nedan."],
    tables=[dict(
        unit="mnkr", precision="1 decimal",
        signs="kommunbidrag och intäkter positiva, kostnader negativa; disposition av tidigare överskott negativ",
        minus_sign="U+002D HYPHEN-MINUS utan mellanslag",
        layout=["Första kolumnen saknar rubrik; 'Nämnder' är en rubrikrad utan belopp.",
                "Totalraden 'Summa skatte- och avgiftsfinansierat' står ÖVERST; 'Summa skattefinansierat' och 'Summa avgiftsfinansierat' står UNDER sina rader.",
                "Årets resultat är INTE kommunbidrag + intäkter + kostnader: den disponerade delen av tidigare års överskott har finansierat kostnader under året och dras därför av — Årets resultat = Kommunbidrag + Intäkter + Kostnader − Disposition. Utan denna läsanvisning ser sju nämndsrader felräknade ut.",
                "Fotnoterna 1) och 2) i kolumnrubrikerna förklaras i styckena under tabellen."],
        relations=[
            S("Summa skattefinansierat", block(F, 1, "Nämnder", "Summa skattefinansierat")),
            S("Summa avgiftsfinansierat", ["Vatten- och avloppsverk"]),
            D("Summa skatte- och avgiftsfinansierat", "+Summa skattefinansierat", "+Summa avgiftsfinansierat"),
            C("Utgående redovisat resultat", "+Ingående redovisat resultat 1)", "+Disposition av resultat", "+Årets resultat"),
            C("Årets resultat", "+Kommunbidrag 2)", "+Intäkter", "+Kostnader", "-Disposition av resultat"),
        ])],
)

# --------------------------------------------------------------- Kungsbacka 2014
F = "kungsbacka-arsredovisning-2014.txt"
KK = [("Kommunen 2013", "Kommunen Utfall 2013"), ("Kommunen 2014", "Kommunen Utfall 2014"),
      ("Koncernen 2013", "Koncernen Utfall 2013"), ("Koncernen 2014", "Koncernen Utfall 2014")]
SPEC[F] = dict(
    notes=["Webbtabellerna i den lagrade kopian tappar tomma celler: rader med färre belopp än kolumner har placerats med hjälp av sambanden (se layout_notes); där placeringen inte påverkar någon summa sägs det."],
    tables=[
        dict(unit="miljoner kronor", precision="heltal", signs="intäkter positiva, kostnader negativa", minus_sign="U+002D",
             layout=["Tvåradig kolumnrubrik (Kommunen: Budget 2014, Utfall 2013, Utfall 2014; Koncernen: Utfall 2013, Utfall 2014), här sammanslagen.",
                     "Jämförelsestörande poster står på egna rader under intäkter, avskrivningar och finansiella kostnader.",
                     "'Jämförelsestörande kostnader' har tre belopp i källan ('-147 -147 0'): de kan bara stå i Kommunen Utfall 2013, Koncernen Utfall 2013 och Koncernen Utfall 2014 för att resultaten ska gå ihop.",
                     "'Uppskjuten skatt' har fyra belopp ('0 0 -1 -2'); −1 och −2 hör till koncernen, nollorna är lagda i kommunens utfallskolumner (påverkar ingen summa)."],
             relations=[
                 D("Verksamhetens nettokostnader", "+Verksamhetens intäkter", "+Jämförelsestörande intäkter", "+Verksamhetens kostnader",
                   "+Avskrivningar", "+Jämförelsestörande nedskrivningar mm"),
                 D("Resultat efter skatteintäkter och finansnetto", "+Verksamhetens nettokostnader", "+Kommunalskatt",
                   "+Generella statsbidrag och utjämning", "+Finansiella intäkter", "+Finansiella kostnader", "+Jämförelsestörande kostnader"),
                 D("Årets resultat", "+Resultat efter skatteintäkter och finansnetto", "+Uppskjuten skatt"),
             ]),
        dict(unit="miljoner kronor", precision="poster 1 decimal, summa heltal", signs="positiva", minus_sign="U+002D",
             layout=["Posterna har bara kommunens belopp; koncernen har bara summan.", "Posterna har en decimal, summaraden heltal."],
             relations=[S("Summa verksamhetens intäkter", ["Försäljning, taxor och avgifter", "Bidrag", "Försäljning anläggningstillgångar",
                                                            "Övriga intäkter", "Periodiserade inkomster", "Jämförelsestörande poster -se not 3"],
                          cols=["Kommunen 2013", "Kommunen 2014"])]),
        dict(unit="miljoner kronor", precision="poster 1 decimal, summa heltal", signs="negativa", minus_sign="U+002D",
             layout=["Posterna har bara kommunens belopp; koncernen har bara summan."],
             relations=[S("Summa verksamhetens kostnader", ["Anläggningsmaterial, bidrag och köp av huvudverksamhet", "Personalkostnader",
                                                             "Övriga verksamhetskostnader"], cols=["Kommunen 2013", "Kommunen 2014"])]),
        dict(unit="miljoner kronor", precision="blandat: 1 decimal och heltal ('70', '15'); summa heltal", signs="positiva (avskrivningar som positiva tal, i resultaträkningen negativa)",
             minus_sign="U+002D",
             layout=["'Nedskrivning' har tre belopp i källan ('10,6 10,6 15'); summorna visar att de hör till Kommunen 2013, Koncernen 2013 och Koncernen 2014 (Kommunen 2014 tom)."],
             relations=[S("Summa av- och nedskrivningar", ["Maskiner och inventarier", "Fastigheter", "Nedskrivning"])]),
        dict(unit="miljoner kronor", precision="poster 1 decimal, summa heltal", signs="positiva; avräkningar med tecken", minus_sign="U+002D",
             layout=["Posterna har bara kommunens belopp; 'Preliminär kommunalskatt' saknar tusentalsavgränsare ('3613,3') medan summan har den ('3 609')."],
             relations=[S("Summa kommunalskatteintäkter", ["Preliminär kommunalskatt", "Preliminär avräkning innevarande år",
                                                            "Slutavräkningsdifferens föregående år", "Mellankommunal kostnadsutjämning"],
                          cols=["Kommunen 2013", "Kommunen 2014"])]),
    ],
    claims=[X((2, "Summa verksamhetens intäkter", n), ("add", cell(1, "Verksamhetens intäkter", r), cell(1, "Jämförelsestörande intäkter", r))) for n, r in KK]
    + [X((2, "Jämförelsestörande poster -se not 3", n), cell(1, "Jämförelsestörande intäkter", r)) for n, r in KK[:2]]
    + [X((3, "Summa verksamhetens kostnader", n), cell(1, "Verksamhetens kostnader", r)) for n, r in KK]
    + [X((4, "Summa av- och nedskrivningar", n), ("neg", ("add", cell(1, "Avskrivningar", r), cell(1, "Jämförelsestörande nedskrivningar mm", r)))) for n, r in KK]
    + [X((5, "Summa kommunalskatteintäkter", n), cell(1, "Kommunalskatt", r)) for n, r in KK]
    + [
        T("visar ett överskott på 179 miljoner", "179", cell(1, "Årets resultat", "Kommunen Utfall 2014")),
        T("Det är 167 miljoner bättre än vad vi budgeterat", "167",
          ("sub", cell(1, "Årets resultat", "Kommunen Utfall 2014"), cell(1, "Årets resultat", "Kommunen Budget 2014")),
          note="179 − 13 = 166 med tabellens heltal; 167 ryms i avrundningen (t.ex. 179,4 − 12,5)."),
        T("Koncernresultatet 2014 är 161 miljoner", "161", cell(1, "Årets resultat", "Koncernen Utfall 2014")),
    ],
)

# ----------------------------------------------------------------- Kramfors 2018
F = "kramfors-arsredovisning-2018.txt"
SPEC[F] = dict(
    notes=["Notnumren står direkt före beloppen i källan ('8 1 480,0' = not 8, 1 480,0); koncernens notnummer saknas på vissa rader."],
    tables=[dict(
        unit="mnkr", precision="1 decimal", signs="belopp positiva; negativt resultat och nedskrivning med minus",
        minus_sign="U+2013 EN DASH följt av mellanslag ('– 52,0') — samma tecken används som listmarkör i början av radetiketterna ('– Kassa och bank')",
        layout=["Radetiketter som börjar med '– ' är listpunkter, inte negativa tal.",
                "Två kolumner heter 'Not' (kommunens och koncernens notnummer).",
                "Rubriken 'EGET KAPITAL, AVSÄTTNINGAR OCH SKULD' är avklippt så i källan.",
                "'– Eget kapital' är ingående eget kapital; det bör vara lika med föregående års 'Summa eget kapital'."],
        relations=[
            S("Summa anläggningstillgångar", block(F, 1, "Anläggningstillgångar", "Summa anläggningstillgångar")),
            S("Summa omsättningstillgångar", block(F, 1, "Omsättningstillgångar", "Summa omsättningstillgångar")),
            D("Summa tillgångar", "+Summa anläggningstillgångar", "+Summa omsättningstillgångar"),
            S("Summa eget kapital", ["– Eget kapital", "– Nedskrivning eget kapital, komponentavskrivning", "– Årets resultat"]),
            S("Summa avsättningar", ["– Avsättningar för pensioner och förpliktelser", "– Andra avsättningar"]),
            S("Summa skulder", ["– Långfristiga skulder", "– Kortfristiga skulder"]),
            D("Summa eget kapital, avsättningar och skulder", "+Summa eget kapital", "+Minoritetsintresse", "+Summa avsättningar", "+Summa skulder"),
            D("Summa eget kapital, avsättningar och skulder", "+Summa tillgångar", note="balansräkningen balanserar"),
        ])],
    claims=[
        T("Det negativa resultatet på 52 mnkr", "52", ("neg", cell(1, "– Årets resultat", "Kommunen 2018"))),
        X((1, "– Eget kapital", "Kommunen 2018"), cell(1, "Summa eget kapital", "Kommunen 2017"),
          note="ingående eget kapital 2018 = utgående 2017"),
        X((1, "– Eget kapital", "Koncernen 2018"), cell(1, "Summa eget kapital", "Koncernen 2017"),
          uncertain=True, note="Koncernens ingående eget kapital 2018 (444,4) är 0,3 mnkr högre än utgående 2017 (444,1) utan förklarande rad i tabellen; kan vara en justering som redovisas annanstans. Avvikelsen är större än avrundning."),
    ],
)

# -------------------------------------------------------------------- Lerum 2023
F = "lerum-arsredovisning-2023.txt"
LC = ["Kommun 2022", "Kommun 2023", "Koncern 2022", "Koncern 2023"]
SPEC[F] = dict(
    notes=["Verkligt fel i källan: koncernens SUMMA EGET KAPITAL, AVSÄTTNINGAR OCH SKULDER 2022 är tryckt 4 959,4 men delsummorna ger 5 171,2 och SUMMA TILLGÅNGAR är 5 171,1."],
    tables=[dict(
        unit="miljoner kronor", precision="1 decimal", signs="belopp positiva", minus_sign="(inga negativa belopp)",
        layout=["'varav'-rader är delar av raden ovanför: Materiella anläggningstillgångar = varav mark … + varav maskiner …; Avsättningar för pensioner = de två varav-raderna.",
                "'Varav resultatutjämningsreserv' står mellan Årets resultat och Övrigt eget kapital men är ingen term i Summa eget kapital.",
                "Notnumren står före beloppen ('13 281,2' = not 13, 281,2; '12, 25')."],
        relations=[
            D("Materiella anläggningstillgångar", "+varav mark, byggnader och tekniska anläggningar", "+varav maskiner och inventarier"),
            S("Summa anläggningstillgångar", ["Immateriella anläggningstillgångar", "Materiella anläggningstillgångar", "Finansiella anläggningstillgångar"]),
            S("Summa omsättningstillgångar", ["Förråd och exploatering", "Fordringar", "Kortfristiga placeringar", "Kassa och bank"]),
            D("SUMMA TILLGÅNGAR", "+Summa anläggningstillgångar", "+Summa omsättningstillgångar"),
            D("Summa eget kapital", "+Årets resultat", "+Övrigt eget kapital"),
            D("Avsättningar för pensioner och liknande förpliktelser", "+varav pensioner intjänade från och med 1998", "+varav pensioner intjänade före 1998"),
            S("Summa avsättningar", ["Avsättningar för pensioner och liknande förpliktelser", "Övriga avsättningar"]),
            S("Summa skulder", ["Långfristiga skulder", "Kortfristiga skulder"]),
            D("SUMMA EGET KAPITAL, AVSÄTTNINGAR OCH SKULDER", "+Summa eget kapital", "+Summa avsättningar", "+Summa skulder"),
            D("SUMMA EGET KAPITAL, AVSÄTTNINGAR OCH SKULDER", "+SUMMA TILLGÅNGAR", note="balansräkningen balanserar"),
        ])],
    claims=[
        T("resultatet har påverkats med cirka 3,2 miljoner kronor", "3,2",
          ("neg", ("add", ("const", "545,4"), ("const", "-548,6"))),
          note="inbördes samband i texten: ökade tillgångar 545,4 och ökade skulder 548,6 ger 3,2 i lägre resultat"),
        X((1, "Övrigt eget kapital", "Kommun 2023"), cell(1, "Summa eget kapital", "Kommun 2022"),
          note="övrigt eget kapital 2023 = summa eget kapital 2022"),
        X((1, "Övrigt eget kapital", "Koncern 2023"), cell(1, "Summa eget kapital", "Koncern 2022"),
          uncertain=True, note="Koncernens övriga eget kapital 2023 (1 572,6) är 5,5 mnkr lägre än summa eget kapital 2022 (1 578,1); tabellen visar ingen förklaring (kan vara en förändring i eget kapital utanför resultatet)."),
    ],
)

# -------------------------------------------------------------------- Luleå 2017
F = "lulea-arsredovisning-2017.txt"
SI17 = ("add", cell(1, "Skatteintäkter", "Kommunen 2017"), cell(1, "Generella statsbidrag och utjämning", "Kommunen 2017"))
SI16 = ("add", cell(1, "Skatteintäkter", "Kommunen 2016"), cell(1, "Generella statsbidrag och utjämning", "Kommunen 2016"))
SPEC[F] = dict(
    tables=[dict(
        unit="mkr", precision="heltal", signs="intäkter positiva, kostnader negativa; '-' = inget belopp", minus_sign="U+002D",
        layout=["Ingen rad 'Verksamhetens resultat' i 2017 års tabell: skatter och finansiella poster läggs direkt till nettokostnaderna.",
                "Kolumnordning: innevarande år före föregående år."],
        relations=[
            D("Verksamhetens nettokostnader", "+Verksamhetens intäkter", "+Verksamhetens kostnader", "+Avskrivningar"),
            D("Resultat efter finansiella poster", "+Verksamhetens nettokostnader", "+Skatteintäkter", "+Generella statsbidrag och utjämning",
              "+Finansiella intäkter", "+Finansiella kostnader"),
            D("Årets resultat", "+Resultat efter finansiella poster", "+Skatt"),
        ])],
    claims=[
        T("redovisade 2017 ett resultat på 462 mkr", "462", cell(1, "Årets resultat", "Kommunen 2017")),
        T("ett resultat på 462 mkr (143 mkr)", "143", cell(1, "Årets resultat", "Kommunen 2016")),
        T("var en förbättring med 319 mkr", "319", ("sub", cell(1, "Årets resultat", "Kommunen 2017"), cell(1, "Årets resultat", "Kommunen 2016"))),
        T("Årets resultat motsvarade 10,5 %", "10,5", ("pct", cell(1, "Årets resultat", "Kommunen 2017"), SI17)),
        T("kommunkoncern uppgick till 186 mkr", "186", cell(1, "Årets resultat", "Kommunkoncernen 2017")),
        T("uppgick till 186 mkr (569 mkr)", "569", cell(1, "Årets resultat", "Kommunkoncernen 2016")),
        T("vilket är 383 mkr sämre", "383", ("sub", cell(1, "Årets resultat", "Kommunkoncernen 2016"), cell(1, "Årets resultat", "Kommunkoncernen 2017"))),
        T("exklusive utdelning blev därmed 52 mkr", "52", ("sub", cell(1, "Årets resultat", "Kommunen 2017"), ("const", "410"))),
        T("52 mkr eller 1,4 % av skatteintäkter", "1,4", ("pct", ("const", "52"), SI17),
          note="52 / (3 950 + 451) = 1,18 %, inte 1,4 % (samma nämnare som ger 10,5 % i samma avsnitt). Verklig avvikelse i texten, om inte en annan nämnare avses."),
        T("har ökat med 193 mkr jämfört med år 2016", "193", ("sub", SI17, SI16),
          note="(3 950 + 451) − (3 773 + 436) = 192; 193 ryms i avrundningen av fyra heltal."),
        T("en ökning med 4,8 %", "4,8", ("pct", ("sub", SI17, SI16), SI16),
          note="192 / 4 209 = 4,56 % (193 / 4 209 = 4,59 %); 4,8 % stämmer inte med tabellen."),
        T("nettokostnader har ökat med 282 mkr", "282",
          ("sub", cell(1, "Verksamhetens nettokostnader", "Kommunen 2016"), cell(1, "Verksamhetens nettokostnader", "Kommunen 2017"))),
        T("282 mkr eller 6,9 %", "6,9", ("pct", ("sub", cell(1, "Verksamhetens nettokostnader", "Kommunen 2016"), cell(1, "Verksamhetens nettokostnader", "Kommunen 2017")),
                                         ("neg", cell(1, "Verksamhetens nettokostnader", "Kommunen 2016")))),
    ],
)

# ---------------------------------------------------------------- Ängelholm 2021
F = "angelholm-arsredovisning-2021.txt"
AN = [("Kommunkoncernen 2021", "Kommunkoncernen 2021"), ("Kommunkoncernen 2020", "Kommunkoncernen 2020"),
      ("Kommunen 2021", "Kommunen 2021"), ("Kommunen 2020", "Kommunen 2020")]
SPEC[F] = dict(
    notes=["Webbsidans tabell har bildtexten 'Skriv tabellbeskrivning här' (en kvarglömd mall-text); den är utelämnad."],
    tables=[
        dict(unit="mnkr", precision="1 decimal", signs="intäkter positiva, kostnader negativa; '-' = inget belopp", minus_sign="U+002D",
             layout=["Tvåradig kolumnrubrik (Kommunkoncernen: 2021, 2020; Kommunen: 2021, Budget 2021, 2020), här sammanslagen; notreferensen '1, 2' för hela tabellen stod i rubrikens Not-kolumn.",
                     "'Jämförelsestörande poster' förekommer två gånger (not 6 bland verksamhetens poster, not 11 bland de finansiella) och har tom budgetcell.",
                     "Kommunens avskrivningar 2021 (−302,0) är större än koncernens (−270,5) — så i källan; finansiell leasing (R5) redovisas olika, se not 5."],
             relations=[
                 D("Verksamhetens nettokostnader", "+Verksamhetens intäkter", "+Verksamhetens kostnader", "+Avskrivningar", "+Jämförelsestörande poster@1"),
                 D("Verksamhetens resultat", "+Verksamhetens nettokostnader", "+Skatteintäkter", "+Generella statsbidrag och utjämning"),
                 D("Resultat efter finansiella poster", "+Verksamhetens resultat", "+Finansiella intäkter", "+Finansiella kostnader", "+Jämförelsestörande poster@2"),
                 D("ÅRETS RESULTAT", "+Resultat efter finansiella poster", "+Extraordinära poster"),
             ]),
        dict(unit="mnkr", precision="1 decimal", signs="positiva; '-' = inget belopp", minus_sign="U+002D",
             layout=["SUMMA utan tusentalsavgränsare ('1006,9') medan resultaträkningen skriver '1 006,9'.",
                     "EU-bidrag: koncernen 2020 '-' men kommunen 2020 0,4 — så i källan."],
             relations=[S("SUMMA", ["Försäljningsintäkter", "Taxor och avgifter", "Hyror och arrenden", "Bidrag från staten", "EU-bidrag",
                                    "Övriga bidrag", "Försäljning av verksamhet och konsulttjänster", "Övriga verksamhetsintäkter"])]),
        dict(unit="mnkr", precision="1 decimal", signs="kostnader negativa; koncerninterna kostnader som avgår positiva", minus_sign="U+002D",
             layout=["'Avgår koncerninterna kostnader' och 'Bolagens externa kostnader' har bara koncernens belopp (kommunens celler tomma); i den lagrade kopian står de ihopskrivna med följande rad."],
             relations=[S("SUMMA", [f"#{k}" for k in range(1, 14)])]),
        dict(unit="mnkr", precision="1 decimal", signs="negativa; '-' = inget belopp", minus_sign="U+002D",
             layout=["'Finansiell leasing' har tom cell för koncernen 2020 och '-' för kommunen 2020 (införd 2021, inga jämförelsetal)."],
             relations=[S("SUMMA", ["Immateriella anläggningar", "Byggnader och anläggningar", "Maskiner och inventarier", "Finansiell leasing"])]),
    ],
    claims=[X((2, "SUMMA", n), cell(1, "Verksamhetens intäkter", r)) for n, r in AN]
    + [X((3, "SUMMA", n), cell(1, "Verksamhetens kostnader", r)) for n, r in AN]
    + [X((4, "SUMMA", n), cell(1, "Avskrivningar", r)) for n, r in AN],
)

# ------------------------------------------------------------------- Värmdö 2019
F = "varmdo-arsredovisning-2019.txt"
SPEC[F] = dict(
    notes=["Verkligt fel i källan (not 16): koncernens kolumn 2018 summerar till 847 702 tkr men Bokfört värde är tryckt 846 077 (skillnad 1 625 tkr)."],
    tables=[
        dict(unit="tkr", precision="heltal", signs="intäkter positiva, kostnader negativa", minus_sign="U+002D",
             layout=["Källan har en tom kolumn mellan Not och beloppen; den är utelämnad.",
                     "Etiketten 'Bidrag från utjämningssystemen och generella statliga bidrag inklusive fastighetsavgift' är radbruten i källan; här på en rad.",
                     "'Årets resultat' har notnummer 10 trots att det är en resultatrad.",
                     "Jämförelsestörande kostnadsposter har bara 2018 års belopp (tomma celler 2019)."],
             relations=[
                 D("Verksamhetens nettokostnader", "+Verksamhetens intäkter", "+Jämförelsestörande intäktsposter", "+Verksamhetens kostnader",
                   "+Jämförelsestörande kostnadsposter", "+Avskrivningar"),
                 D("Verksamhetens resultat", "+Verksamhetens nettokostnader", "+Skatteintäkter",
                   "+Bidrag från utjämningssystemen och generella statliga bidrag inklusive fastighetsavgift", "+Avgifter i utjämningssystemen"),
                 D("Resultat efter skatter och finansnetto", "+Verksamhetens resultat", "+Finansiella intäkter", "+Finansiella kostnader"),
                 D("Årets resultat", "+Resultat efter skatter och finansnetto", "+Uppskjuten skatt"),
             ]),
        dict(unit="tkr", precision="heltal", signs="ökningar positiva, minskningar negativa", minus_sign="U+002D; en gång med mellanslag ('- 11 276')",
             layout=["Justeringsraderna har bara 2018 års belopp.",
                     "Etiketten 'Justering ny redovisningslagomklassificering detaljplaner' är ihopskriven så i källan."],
             relations=[S("Bokfört värde", ["Ingående värde enligt tidigare fastställd balansräkning",
                                            "Justering ny redovisningslagomklassificering detaljplaner", "Justering rättelse av fel",
                                            "Årets investeringar", "Omrubricering", "Överföring av avslutade nyanläggningar"])]),
    ],
    claims=[
        X((2, "Ingående värde enligt tidigare fastställd balansräkning", "Kommunen 2019"), cell(2, "Bokfört värde", "Kommunen 2018"),
          uncertain=True, note="Ingående värde 2019 (785 380) ≠ bokfört värde 2018 (749 049): skillnad 36 331 tkr, samma skillnad som i koncernens kolumner; ingen rad i noten förklarar den (rubriken säger 'enligt tidigare fastställd balansräkning')."),
        X((2, "Ingående värde enligt tidigare fastställd balansräkning", "Koncernen 2019"), cell(2, "Bokfört värde", "Koncernen 2018"),
          uncertain=True, note="882 408 ≠ 846 077 (skillnad 36 331 tkr); jämför kommunens kolumner."),
    ],
)

# --------------------------------------------------------------- Sjöbo 2018
F = "sjobo-budget-2018.txt"
SPEC[F] = dict(
    notes=["Tabellen fortsätter i källan ('Beslut om bidrag till statl…', årets kassaflöde, likvida medel) men är avklippt i den lagrade kopian efter KASSAFLÖDE FRÅN FINANSIERINGSVERKSAMHETEN; utdraget slutar där."],
    tables=[dict(
        unit="mnkr", precision="1 decimal", signs="inbetalningar positiva, utbetalningar negativa",
        minus_sign="U+2013 EN DASH följt av mellanslag; etiketterna innehåller '(-)' och '(+)' med bindestreck",
        layout=["Avsnittsrubriker i versaler utan belopp; varje avsnitt slutar med en KASSAFLÖDE-rad i versaler.",
                "Delsumman 'Medel från verksamheten före förändring av rörelsekapital' ingår i KASSAFLÖDE FRÅN DEN LÖPANDE VERKSAMHETEN tillsammans med rörelsekapitalraderna.",
                "'anläggninstillgångar' (sic) i källan."],
        relations=[
            S("Medel från verksamheten före förändring av rörelsekapital", block(F, 1, "DEN LÖPANDE VERKSAMHETEN", "Medel från verksamheten före förändring av rörelsekapital")),
            S("KASSAFLÖDE FRÅN DEN LÖPANDE VERKSAMHETEN", block(F, 1, "Justering för övriga ej likvidpåverkande poster", "KASSAFLÖDE FRÅN DEN LÖPANDE VERKSAMHETEN")),
            S("KASSAFLÖDE FRÅN INVESTERINGSVERKSAMHETEN", block(F, 1, "INVESTERINGSVERKSAMHETEN", "KASSAFLÖDE FRÅN INVESTERINGSVERKSAMHETEN")),
            S("KASSAFLÖDE FRÅN FINANSIERINGSVERKSAMHETEN", block(F, 1, "FINANSIERINGSVERKSAMHETEN", "KASSAFLÖDE FRÅN FINANSIERINGSVERKSAMHETEN")),
        ])],
)
