#!/usr/bin/env python3
"""Generate rules/data/countries.toml once, from well-kept sources.

Codes (ISO 3166-1 alpha-2, alpha-3, numeric) come from pycountry (the Debian
iso-codes database); names in English, Russian and Kazakh come from the Unicode
CLDR through Babel. The travel documents of no ISO country (ICAO Doc 9303 Part 3,
section 5: the stateless and refugees, the British classes, the UN and other
organisations, Kosovo) are written out below, with ICAO's wording, and so are the
other names people type for a country (ALIASES), which the app's search finds. The
result is committed: the build never needs either package.
Run: pip install babel==2.18.0 pycountry==26.2.16 && python3 tools/gen/countries.py
"""
import pathlib

import babel
import pycountry
from babel import Locale

OUT = pathlib.Path(__file__).resolve().parents[2] / "rules" / "data" / "countries.toml"
LANGS = ("en", "ru", "kk")

# Codes ICAO gives an ISO country besides its own (Doc 9303 Part 3, Part A).
OTHER_CODES = {"DE": ["D"]}

# What people type for a country besides its CLDR names and its codes: short and common
# names, former and official names, well-known endonyms, in English, Russian and Kazakh
# (the search matches every language, so a form both Russian and Kazakh speakers write is
# listed once, under Russian). An alias names one country only: "Korea", "Congo" or
# "Virgin Islands" are none, and the list asks which; the generator and the rules' checks
# refuse an alias that is another country's name, code or alias.
ALIASES = {
    "AE": {"en": ["UAE", "U.A.E.", "Emirates"], "ru": ["Объединённые Арабские Эмираты", "Эмираты"], "kk": ["БАӘ"]},
    "AG": {"en": ["Antigua and Barbuda"]},
    "AT": {"en": ["Österreich"]},
    "AX": {"en": ["Aland Islands"], "ru": ["Аландские острова"]},
    "AZ": {"kk": ["Әзірбайжан Республикасы"]},
    "BA": {"en": ["Bosnia and Herzegovina", "Bosnia"], "ru": ["Босния"]},
    "BE": {"en": ["België", "Belgique"]},
    "BL": {"en": ["Saint Barthélemy", "Saint Barthelemy", "St Barts"]},
    "BM": {"ru": ["Бермудские острова", "Бермуды"]},
    "BN": {"en": ["Brunei Darussalam"]},
    "BQ": {"en": ["Bonaire"]},
    "BR": {"en": ["Brasil"]},
    "BS": {"en": ["The Bahamas"], "ru": ["Багамские Острова"]},
    "BV": {"ru": ["Остров Буве"]},
    "BY": {"en": ["Belorussia", "Byelorussia"], "ru": ["Белоруссия", "Республика Беларусь"], "kk": ["Беларусь Республикасы"]},
    "CC": {"ru": ["Кокосовые острова"]},
    "CD": {"en": ["DR Congo", "DRC", "Democratic Republic of the Congo", "Congo-Kinshasa", "Zaire"],
           "ru": ["ДР Конго", "ДРК", "Демократическая Республика Конго", "Конго-Киншаса"],
           "kk": ["Конго Демократиялық Республикасы"]},
    "CG": {"en": ["Republic of the Congo", "Congo-Brazzaville"], "ru": ["Республика Конго", "Конго-Браззавиль"],
           "kk": ["Конго Республикасы"]},
    "CH": {"en": ["Schweiz", "Suisse", "Svizzera"]},
    "CI": {"en": ["Ivory Coast", "Cote d'Ivoire", "Côte d'Ivoire", "Cote d’Ivoire"],
           "ru": ["Берег Слоновой Кости", "Кот-д'Ивуар"], "kk": ["Піл Сүйегі Жағалауы"]},
    "CK": {"ru": ["Острова Кука"]},
    "CN": {"en": ["PRC", "People's Republic of China", "Mainland China"], "ru": ["КНР", "Китайская Народная Республика"],
           "kk": ["ҚХР", "Қытай Халық Республикасы"]},
    "CV": {"en": ["Cabo Verde"], "ru": ["Острова Зелёного Мыса"]},
    "CW": {"en": ["Curacao"]},
    "CX": {"ru": ["Остров Рождества"]},
    "CZ": {"en": ["Czech Republic", "Česko"], "ru": ["Чешская Республика"], "kk": ["Чех Республикасы"]},
    "DE": {"en": ["Deutschland", "Federal Republic of Germany"], "ru": ["ФРГ", "Федеративная Республика Германия"],
           "kk": ["Германия Федеративтік Республикасы"]},
    "DK": {"en": ["Danmark"]},
    "EE": {"en": ["Eesti"]},
    "ES": {"en": ["España", "Espana"]},
    "FI": {"en": ["Suomi"]},
    "FK": {"en": ["Falklands"], "ru": ["Фолклендские острова"]},
    "FM": {"en": ["Federated States of Micronesia"]},
    "FO": {"ru": ["Фарерские острова"]},
    "GB": {"en": ["UK", "U.K.", "Britain", "Great Britain", "England", "Scotland", "Wales", "Northern Ireland",
                  "United Kingdom of Great Britain and Northern Ireland"],
           "ru": ["Британия", "Англия", "Шотландия", "Уэльс", "Северная Ирландия", "Соединённое Королевство",
                  "Соединённое Королевство Великобритании и Северной Ирландии"],
           "kk": ["Солтүстік Ирландия", "Ұлыбритания және Солтүстік Ирландия Құрама Корольдігі"]},
    "GE": {"en": ["Sakartvelo"], "kk": ["Гүржістан"]},
    "GM": {"en": ["The Gambia"]},
    "GR": {"en": ["Hellas"]},
    "GS": {"en": ["South Georgia and the South Sandwich Islands"]},
    "HK": {"en": ["Hong Kong"], "ru": ["Гонконг", "Сянган"]},
    "HM": {"en": ["Heard and McDonald Islands"], "ru": ["Острова Херд и Макдональд"]},
    "HR": {"en": ["Hrvatska"]},
    "HU": {"en": ["Magyarország"], "kk": ["Мажарстан"]},
    "IE": {"en": ["Republic of Ireland", "Éire", "Eire"]},
    "IM": {"ru": ["Остров Мэн"]},
    "IN": {"en": ["Bharat"]},
    "IR": {"en": ["Islamic Republic of Iran"], "ru": ["Исламская Республика Иран"], "kk": ["Иран Ислам Республикасы"]},
    "IT": {"en": ["Italia"]},
    "JP": {"en": ["Nippon", "Nihon"]},
    "KG": {"en": ["Kirghizia", "Kirgizia", "Kyrgyz Republic"], "ru": ["Кыргызстан", "Кыргызская Республика"],
           "kk": ["Қырғыз Республикасы"]},
    "KM": {"ru": ["Коморские Острова"]},
    "KN": {"en": ["Saint Kitts and Nevis", "St Kitts and Nevis"]},
    "KP": {"en": ["DPRK", "Korea, North", "Korea (North)", "Democratic People's Republic of Korea"],
           "ru": ["Северная Корея", "Корейская Народно-Демократическая Республика"], "kk": ["КХДР"]},
    "KR": {"en": ["Korea, South", "Korea (South)", "Republic of Korea", "Korea, Republic of"],
           "ru": ["Южная Корея"], "kk": ["Корея Республикасы"]},
    "KY": {"ru": ["Каймановы острова", "Острова Кайман"]},
    "LC": {"en": ["Saint Lucia"]},
    "LT": {"en": ["Lietuva"]},
    "LV": {"en": ["Latvija"]},
    "MD": {"en": ["Moldavia", "Republic of Moldova"], "ru": ["Молдавия", "Республика Молдова"]},
    "ME": {"en": ["Crna Gora"]},
    "MF": {"en": ["Saint Martin"]},
    "MH": {"ru": ["Маршалловы Острова"]},
    "MK": {"en": ["Macedonia"], "ru": ["Македония"]},
    "MM": {"en": ["Burma", "Myanmar"], "ru": ["Бирма", "Мьянма"]},
    "MO": {"en": ["Macau", "Macao"], "ru": ["Макао"]},
    "MP": {"ru": ["Северные Марианские острова"]},
    "NF": {"ru": ["Остров Норфолк"]},
    "NL": {"en": ["Holland", "The Netherlands", "Nederland"], "ru": ["Голландия"]},
    "NO": {"en": ["Norge"]},
    "PG": {"ru": ["Папуа-Новая Гвинея", "Папуа Новая Гвинея"], "kk": ["Папуа Жаңа Гвинея"]},
    "PH": {"kk": ["Филиппин"]},
    "PL": {"en": ["Polska"]},
    "PM": {"en": ["Saint Pierre and Miquelon"]},
    "PN": {"ru": ["Острова Питкэрн"]},
    "PS": {"en": ["Palestine", "State of Palestine"], "ru": ["Палестина", "Государство Палестина"]},
    "RE": {"en": ["Reunion"]},
    "RS": {"en": ["Srbija"]},
    "RU": {"en": ["Russian Federation", "Rossiya"], "ru": ["Российская Федерация", "РФ"], "kk": ["Ресей Федерациясы"]},
    "SA": {"en": ["KSA"]},
    "SB": {"ru": ["Соломоновы Острова"]},
    "SC": {"ru": ["Сейшельские Острова", "Сейшелы"]},
    "SE": {"en": ["Sverige"]},
    "SH": {"en": ["Saint Helena"], "ru": ["Остров Святой Елены", "Святая Елена"]},
    "SJ": {"en": ["Svalbard and Jan Mayen"]},
    "SK": {"en": ["Slovak Republic", "Slovensko"], "ru": ["Словацкая Республика"]},
    "ST": {"en": ["Sao Tome and Principe", "São Tomé and Príncipe"]},
    "SZ": {"en": ["Swaziland"], "ru": ["Свазиленд"]},
    "TC": {"en": ["Turks and Caicos Islands", "Turks and Caicos"], "ru": ["Острова Теркс и Кайкос"]},
    "TJ": {"en": ["Tojikiston"]},
    "TL": {"en": ["East Timor"], "ru": ["Тимор-Лешти"], "kk": ["Шығыс Тимор"]},
    "TM": {"en": ["Turkmenia"], "ru": ["Туркмения"]},
    "TR": {"en": ["Turkey", "Turkiye"], "ru": ["Турецкая Республика"]},
    "TT": {"en": ["Trinidad and Tobago"]},
    "UM": {"en": ["United States Minor Outlying Islands"], "ru": ["Внешние малые острова США"]},
    "US": {"en": ["America", "United States of America", "U.S.", "U.S.A."],
           "ru": ["США", "Америка", "Штаты", "Соединённые Штаты Америки"], "kk": ["АҚШ"]},
    "UZ": {"en": ["O'zbekiston", "Ozbekiston"]},
    "VA": {"en": ["Vatican", "Holy See"], "ru": ["Святой Престол"]},
    "VC": {"en": ["Saint Vincent and the Grenadines"]},
    "VG": {"en": ["BVI"], "ru": ["Британские Виргинские острова"]},
    "VI": {"en": ["US Virgin Islands", "United States Virgin Islands"],
           "ru": ["Американские Виргинские острова", "Виргинские острова США"]},
    "VN": {"en": ["Viet Nam"]},
    "WF": {"en": ["Wallis and Futuna"]},
    "ZA": {"en": ["RSA", "Republic of South Africa"], "ru": ["ЮАР", "Южная Африка"],
           "kk": ["ОАР", "Оңтүстік Африка Республикасы"]},
    # Travel documents of no ISO country: the words people use for them.
    "XX": {"en": ["Stateless", "No nationality"], "ru": ["Апатрид", "Без гражданства"], "kk": ["Азаматтығы жоқ"]},
    "XK": {"en": ["Kosova"]},
    "UNO": {"en": ["United Nations"], "ru": ["ООН"], "kk": ["БҰҰ"]},
    "GBN": {"en": ["BN(O)", "BNO"]},
    "GBD": {"en": ["BOTC"]},
    "GBO": {"en": ["BOC"]},
    "GBP": {"en": ["BPP"]},
}

KOSOVO_NOTE = {
    "note": "Kazakhstan has never recognised Kosovo as a state (the foreign minister, 2022, as reported), and no Kazakh rule on Kosovo passports was found: whether a visa can be issued on one is for a Kazakh embassy or consulate to say.",
    "note_ru": "Казахстан никогда не признавал Косово государством (министр иностранных дел, 2022 год, по сообщениям), а правил Казахстана о косовских паспортах не найдено: можно ли оформить визу по такому паспорту, скажет посольство или консульство Казахстана.",
    "note_kk": "Қазақстан Косовоны ешқашан мемлекет ретінде мойындаған жоқ (сыртқы істер министрі, 2022 жыл, хабарламалар бойынша), ал Косово төлқұжаттары туралы Қазақстан қағидалары табылмады: мұндай төлқұжатқа виза ресімдеуге бола ма, оны Қазақстанның елшілігі не консулдығы айтады.",
    "note_source": "informburo-2022-mfa-recognition",
}

REFUGEE_NOTE = {
    "note": "Kazakhstan is a party to the 1951 Refugee Convention and its 1967 Protocol (since 15 January 1999), but no Kazakh rule on visas for the holder of a refugee's travel document was found: the lists of visa-free and e-visa states go by citizenship.",
    "note_ru": "Казахстан является участником Конвенции о статусе беженцев 1951 года и Протокола 1967 года (с 15 января 1999 года), но правил Казахстана о визах для владельца проездного документа беженца не найдено: перечни безвизовых государств и государств с электронной визой составлены по гражданству.",
    "note_kk": "Қазақстан 1951 жылғы Босқындардың мәртебесі туралы конвенцияның және 1967 жылғы Хаттаманың қатысушысы (1999 жылғы 15 қаңтардан бастап), бірақ босқынның жол жүру құжатының иесіне виза беру туралы Қазақстан қағидалары табылмады: визасыз және электрондық виза берілетін мемлекеттердің тізімдері азаматтық бойынша жасалған.",
    "note_source": "unhcr-1999-kz-1951",
}

STATELESS_NOTE = {
    "note": "Kazakhstan is not a party to the 1954 Convention relating to the Status of Stateless Persons (UNHCR), and no Kazakh rule on visas for a stateless person's travel document was found: the lists of visa-free and e-visa states go by citizenship.",
    "note_ru": "Казахстан не является участником Конвенции о статусе апатридов 1954 года (УВКБ ООН), и правил Казахстана о визах по проездному документу лица без гражданства не найдено: перечни безвизовых государств и государств с электронной визой составлены по гражданству.",
    "note_kk": "Қазақстан 1954 жылғы Азаматтығы жоқ адамдардың мәртебесі туралы конвенцияның қатысушысы емес (БҰҰ БЖКБ), және азаматтығы жоқ адамның жол жүру құжаты бойынша виза беру туралы Қазақстан қағидалары табылмады: визасыз және электрондық виза берілетін мемлекеттердің тізімдері азаматтық бойынша жасалған.",
    "note_source": "unhcr-kz-statelessness-conventions",
}

# ICAO Doc 9303 Part 3, section 5: codes of no ISO 3166-1 country, ICAO's wording in English.
DOCUMENTS = [
    {"code": "XX", "alpha3": "XXA", "kind": "stateless",
     "en": "Stateless person", "ru": "Лицо без гражданства", "kk": "Азаматтығы жоқ адам", **STATELESS_NOTE},
    {"code": "XXB", "alpha3": "XXB", "kind": "refugee",
     "en": "Refugee (1951 Convention)", "ru": "Беженец (Конвенция 1951 года)", "kk": "Босқын (1951 жылғы Конвенция)",
     **REFUGEE_NOTE},
    {"code": "XXC", "alpha3": "XXC", "kind": "refugee",
     "en": "Refugee (other)", "ru": "Беженец (иной)", "kk": "Босқын (басқа)", **REFUGEE_NOTE},
    {"code": "XXX", "alpha3": "XXX", "kind": "document",
     "en": "Unspecified nationality", "ru": "Гражданство не указано", "kk": "Азаматтығы көрсетілмеген"},
    {"code": "XK", "alpha3": "RKS", "codes": ["KS"], "kind": "unrecognised",
     "en": "Kosovo", "ru": "Косово", "kk": "Косово", **KOSOVO_NOTE},
    {"code": "UNK", "alpha3": "UNK", "kind": "document",
     "en": "Kosovo resident (UNMIK travel document)", "ru": "Житель Косово (проездной документ UNMIK)",
     "kk": "Косово тұрғыны (UNMIK жол жүру құжаты)", **KOSOVO_NOTE},
    {"code": "GBD", "alpha3": "GBD", "kind": "document",
     "en": "British Overseas Territories Citizen", "ru": "Гражданин британских заморских территорий",
     "kk": "Британияның теңізден тыс аумақтарының азаматы"},
    {"code": "GBN", "alpha3": "GBN", "kind": "document",
     "en": "British National (Overseas)", "ru": "Британский национальный (заморский) статус, BN(O)",
     "kk": "Британияның ұлттық (теңізден тыс) мәртебесі, BN(O)"},
    {"code": "GBO", "alpha3": "GBO", "kind": "document",
     "en": "British Overseas Citizen", "ru": "Британский заморский гражданин", "kk": "Британияның теңізден тыс азаматы"},
    {"code": "GBP", "alpha3": "GBP", "kind": "document",
     "en": "British Protected Person", "ru": "Лицо под защитой Великобритании", "kk": "Ұлыбритания қорғауындағы адам"},
    {"code": "GBS", "alpha3": "GBS", "kind": "document",
     "en": "British Subject", "ru": "Британский подданный", "kk": "Британия бодандығындағы адам"},
    {"code": "UNO", "alpha3": "UNO", "kind": "document",
     "en": "United Nations (laissez-passer)", "ru": "ООН (паспорт ООН, laissez-passer)", "kk": "БҰҰ (БҰҰ паспорты, laissez-passer)"},
    {"code": "UNA", "alpha3": "UNA", "kind": "document",
     "en": "UN specialized agency (laissez-passer)", "ru": "Специализированное учреждение ООН (laissez-passer)",
     "kk": "БҰҰ-ның мамандандырылған мекемесі (laissez-passer)"},
    {"code": "EUE", "alpha3": "EUE", "kind": "document",
     "en": "European Union (laissez-passer)", "ru": "Европейский союз (laissez-passer)", "kk": "Еуропалық одақ (laissez-passer)"},
    {"code": "XBA", "alpha3": "XBA", "kind": "document",
     "en": "African Development Bank", "ru": "Африканский банк развития", "kk": "Африка даму банкі"},
    {"code": "XIM", "alpha3": "XIM", "kind": "document",
     "en": "African Export-Import Bank", "ru": "Африканский экспортно-импортный банк", "kk": "Африка экспорт-импорт банкі"},
    {"code": "XCC", "alpha3": "XCC", "kind": "document",
     "en": "Caribbean Community (CARICOM)", "ru": "Карибское сообщество (КАРИКОМ)", "kk": "Кариб қоғамдастығы (КАРИКОМ)"},
    {"code": "XCE", "alpha3": "XCE", "kind": "document",
     "en": "Council of Europe", "ru": "Совет Европы", "kk": "Еуропа Кеңесі"},
    {"code": "XCO", "alpha3": "XCO", "kind": "document",
     "en": "Common Market for Eastern and Southern Africa (COMESA)",
     "ru": "Общий рынок Восточной и Южной Африки (КОМЕСА)", "kk": "Шығыс және Оңтүстік Африканың ортақ нарығы (КОМЕСА)"},
    {"code": "XEC", "alpha3": "XEC", "kind": "document",
     "en": "Economic Community of West African States (ECOWAS)",
     "ru": "Экономическое сообщество стран Западной Африки (ЭКОВАС)",
     "kk": "Батыс Африка мемлекеттерінің экономикалық қоғамдастығы (ЭКОВАС)"},
    {"code": "XPO", "alpha3": "XPO", "kind": "document",
     "en": "Interpol", "ru": "Интерпол", "kk": "Интерпол"},
    {"code": "XES", "alpha3": "XES", "kind": "document",
     "en": "Organisation of Eastern Caribbean States", "ru": "Организация восточнокарибских государств",
     "kk": "Шығыс Кариб мемлекеттерінің ұйымы"},
    {"code": "XMP", "alpha3": "XMP", "kind": "document",
     "en": "Parliamentary Assembly of the Mediterranean", "ru": "Парламентская ассамблея Средиземноморья",
     "kk": "Жерорта теңізі парламенттік ассамблеясы"},
    {"code": "XOM", "alpha3": "XOM", "kind": "document",
     "en": "Sovereign Military Order of Malta", "ru": "Мальтийский орден", "kk": "Мальта ордені"},
    {"code": "XDC", "alpha3": "XDC", "kind": "document",
     "en": "Southern African Development Community", "ru": "Сообщество развития Юга Африки",
     "kk": "Оңтүстік Африка даму қоғамдастығы"},
]


def toml_str(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def fold(s: str) -> str:
    """As the search compares: trimmed, lower case, ё as е."""
    return s.strip().lower().replace("ё", "е")


def aliases(entries: list[dict]) -> dict[str, list[str]]:
    """Each country's aliases, in the order en, ru, kk, each once: an alias that is already
    one of its names or codes is left out, and one that is another country's name, code or
    alias is refused. `|` parts them in the page's table (build.rs), so no alias holds it."""
    owner = {}
    for e in entries:
        for key in [e["code"], e["alpha3"], *e.get("codes", []), *(e[lang] for lang in LANGS)]:
            owner.setdefault(fold(key), set()).add(e["code"])
    unknown = set(ALIASES) - {e["code"] for e in entries}
    if unknown:
        raise SystemExit(f"ALIASES names no country: {sorted(unknown)}")
    out, counts = {}, dict.fromkeys(LANGS, 0)
    for code, by_lang in ALIASES.items():
        if set(by_lang) - set(LANGS):
            raise SystemExit(f"ALIASES[{code}]: languages are {LANGS}")
        listed = []
        for lang in LANGS:
            for alias in by_lang.get(lang, []):
                if alias != alias.strip() or not alias or any(c in alias for c in "|\t\n"):
                    raise SystemExit(f"ALIASES[{code}]: {alias!r} is blank, padded or holds | or a tab")
                counts[lang] += 1
                owners = owner.get(fold(alias), set())
                if owners - {code}:
                    raise SystemExit(f"ALIASES[{code}]: {alias!r} also names {sorted(owners - {code})}")
                if code not in owners:
                    listed.append(alias)
                owner.setdefault(fold(alias), set()).add(code)
        out[code] = listed
    print("aliases listed per language: " + ", ".join(f"{lang} {n}" for lang, n in counts.items())
          + f"; written, each once and none a name or code of its own: {sum(map(len, out.values()))}")
    return out


def main() -> None:
    locales = {lang: Locale.parse(lang) for lang in LANGS}
    lines = [
        "# The nationalities a case can give, with names in English, Russian and Kazakh: the",
        "# ISO 3166-1 countries, then the travel documents of no ISO country (ICAO Doc 9303",
        "# Part 3). `code` is what a case and a regime use: ISO's alpha-2, or for a document",
        "# without one its ICAO code (XX stays the stateless person's); `alpha3` is ISO's or",
        "# ICAO's three letters; `codes` other codes that name it (ICAO's D for Germany);",
        "# `aliases` what people also type for it, in English, Russian or Kazakh (UK, Holland,",
        "# США, АҚШ), for the app's search only; `kind` is state (the default), stateless,",
        "# refugee, unrecognised or document; `note` says, with its source, what the sources",
        "# say of Kazakhstan and the document.",
        f"# Generated by tools/gen/countries.py: codes from pycountry {pycountry.__version__}"
        " (Debian iso-codes),",
        f"# names from Unicode CLDR through Babel {babel.__version__}. Regenerate rather than edit.",
        "",
        "[meta]",
        'source = "Unicode CLDR (via Babel) for names; ISO 3166-1 via pycountry for codes; ICAO Doc 9303 Part 3 for the travel documents of no ISO country"',
        f'generator = "tools/gen/countries.py (babel {babel.__version__}, pycountry {pycountry.__version__})"',
        "",
    ]
    states = []
    for c in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        state = {"code": c.alpha_2, "alpha3": c.alpha_3}
        if c.alpha_2 in OTHER_CODES:
            state["codes"] = OTHER_CODES[c.alpha_2]
        for lang, loc in locales.items():
            name = loc.territories.get(c.alpha_2)
            if not name:
                raise SystemExit(f"CLDR has no {lang} name for {c.alpha_2}")
            state[lang] = name
        states.append(state)
    alias = aliases(states + DOCUMENTS)
    for state in states:
        lines += ["[[country]]", f'code = "{state["code"]}"', f'alpha3 = "{state["alpha3"]}"']
        if "codes" in state:
            lines.append(f"codes = [{', '.join(toml_str(x) for x in state['codes'])}]")
        lines += [f"{lang} = {toml_str(state[lang])}" for lang in LANGS]
        if alias.get(state["code"]):
            lines.append(f"aliases = [{', '.join(toml_str(x) for x in alias[state['code']])}]")
        lines.append("")
    lines += ["# --- Travel documents of no ISO 3166-1 country (ICAO Doc 9303 Part 3, section 5) ---", ""]
    for d in DOCUMENTS:
        lines += ["[[country]]"]
        if alias.get(d["code"]):
            d = {**d, "aliases": alias[d["code"]]}
        for key in ("code", "alpha3", "codes", "en", "ru", "kk", "aliases", "kind", "note", "note_ru", "note_kk", "note_source"):
            if key in d:
                value = d[key]
                lines.append(f"{key} = " + (f"[{', '.join(toml_str(x) for x in value)}]" if isinstance(value, list) else toml_str(value)))
        lines.append("")
    OUT.write_text("\n".join(lines), encoding="utf-8")
    print(f"wrote {OUT} ({len(list(pycountry.countries)) + len(DOCUMENTS)} entries)")


if __name__ == "__main__":
    main()
