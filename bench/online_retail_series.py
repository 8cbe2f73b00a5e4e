"""Weekly net units of the UCI Online Retail file by country group x product group, as a long-format series table
(series_id, period, value) for bench/forecast_online_retail.sh. Usage: online_retail_series.py CSV OUTPUT.csv

Rules (deterministic, documented in docs/sections/forecast-bench.md):
- Products only: stock codes starting with five digits (POST, DOT, M, C2, D, S, B, BANK CHARGES, AMAZONFEE, CRUK,
  gift vouchers and the like are not products); unit price > 0 (drops price-0 stock adjustments and the bad-debt
  lines); exact duplicate lines dropped once. Cancellations (invoice C..., negative quantity) stay: net units.
- Product group: the description (per stock code the largest upper-cased, trimmed description, as the real-data
  mapping does) against the keyword groups of conf/online-retail.conf, first match wins.
- Country group: COUNTRY_GROUPS below; anything not listed is rest_of_world.
- Weeks start on Monday (segplan's bucket). Only full weeks: the data runs Wed 2010-12-01 to Fri 2011-12-09, so the
  first (from Mon 2010-11-29) and last (from Mon 2011-12-05) weeks are partial and left out: 52 weeks,
  2010-12-06 to 2011-11-28. Every series is zero-filled over all 52 weeks.
"""
import json
import re
import sys

import pandas as pd

# Same keywords and order as the category CASE of conf/online-retail.conf (products.mapping.columns.category).
PRODUCT_GROUPS = [
    ("seasonal", r"CHRISTMAS|XMAS|ADVENT|EASTER|SANTA|REINDEER|SNOWFLAKE"),
    ("jewellery", r"NECKLACE|BRACELET|EARRING|(^| )RINGS?( |$)|CHARM|BEAD|DIAMANTE|BLING|HAIR|BROOCH"),
    ("candles_lighting", r"CANDLE|T-LIGHT|LIGHTS?( |$)|LANTERN|INCENSE"),
    ("kitchen_dining", r"MUG|CUP|PLATE|BOWL|CAKE|(^| )TEA |CUTLERY|TRAY|KITCHEN|PANTRY|BAKING|SPOON|NAPKIN|BOTTLE|GLASS|EGG"
                       r"|CHOCOLATE|JUG"),
    ("bags_storage", r"BAG|BOX|STORAGE|(^| )TINS?( |$)|JAR|BASKET|PURSE|CASE"),
    ("stationery_party", r"CARD|PAPER|WRAP|NOTEBOOK|PENCIL|(^| )PENS?( |$)|STICKER|ENVELOPE|RIBBON|GIFT|BIRTHDAY|PARTY"
                         r"|LETTER"),
    ("toys_games", r"TOY|GAME|PUZZLE|DOLL|SPACEBOY|CHILDREN|KIDS|JIGSAW|BALLOON"),
    ("garden", r"GARDEN|PLANT|WATERING|BIRD"),
    ("home_decor", r"HEART|SIGN|FRAME|CLOCK|MIRROR|CUSHION|DOORMAT|HOOK|HANG|DECORATION|GARLAND|WALL|DRAWER|CABINET"
                   r"|TILE|VASE|ORNAMENT|BUNTING"),
]

COUNTRY_GROUPS = {
    "uk": ["United Kingdom"],
    # Euro-area founders and neighbours the retailer ships to most.
    "eu_core": ["Germany", "France", "EIRE", "Netherlands", "Belgium", "Spain", "Portugal", "Italy", "Austria",
                "Luxembourg"],
    "rest_of_europe": ["Switzerland", "Norway", "Sweden", "Denmark", "Finland", "Poland", "Channel Islands", "Iceland",
                       "Greece", "Cyprus", "Malta", "Czech Republic", "Lithuania", "European Community"],
}


def product_group(description: str) -> str:
    for name, pattern in PRODUCT_GROUPS:
        if re.search(pattern, description or ""):
            return name
    return "other"


def main():
    source, output = sys.argv[1], sys.argv[2]
    lines = pd.read_csv(source, dtype={"InvoiceNo": str, "StockCode": str, "Description": str, "CustomerID": str,
                                       "Country": str})
    counts = {"rows": len(lines)}
    lines = lines.drop_duplicates()
    counts["after_exact_duplicates"] = len(lines)
    code = lines["StockCode"].fillna("").str.strip()
    lines = lines[code.str.match(r"^\d{5}") & (lines["UnitPrice"] > 0)].copy()
    counts["product_lines_priced"] = len(lines)
    descriptions = (lines.assign(description=lines["Description"].fillna("").str.strip().str.upper())
                    .groupby("StockCode")["description"].max())
    groups = descriptions.map(product_group)
    lines["product_group"] = lines["StockCode"].map(groups)
    country_of = {country: group for group, countries in COUNTRY_GROUPS.items() for country in countries}
    lines["country_group"] = lines["Country"].map(country_of).fillna("rest_of_world")
    day = pd.to_datetime(lines["InvoiceDate"]).dt.normalize()
    lines["period"] = day - pd.to_timedelta(day.dt.dayofweek, unit="D")
    first, last = pd.Timestamp("2010-12-06"), pd.Timestamp("2011-11-28")
    lines = lines[(lines["period"] >= first) & (lines["period"] <= last)]
    counts["lines_in_full_weeks"] = len(lines)
    weekly = lines.groupby(["country_group", "product_group", "period"], as_index=False)["Quantity"].sum()
    weekly["series_id"] = weekly["country_group"] + "/" + weekly["product_group"]
    weeks = pd.date_range(first, last, freq="7D")
    series = sorted(weekly["series_id"].unique())
    dense = pd.MultiIndex.from_product([series, weeks], names=["series_id", "period"]).to_frame(index=False)
    dense = dense.merge(weekly[["series_id", "period", "Quantity"]], how="left", on=["series_id", "period"])
    dense["value"] = dense["Quantity"].fillna(0).astype("int64")
    dense["period"] = dense["period"].dt.strftime("%Y-%m-%d")
    dense[["series_id", "period", "value"]].to_csv(output, index=False)
    counts.update(series=len(series), weeks=len(weeks), net_units=int(dense["value"].sum()),
                  product_groups=int(groups.nunique()))
    print(json.dumps(counts))


if __name__ == "__main__":
    main()
