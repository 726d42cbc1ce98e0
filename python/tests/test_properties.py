"""Property: on any text, every offset the package gives slices the Python str to the
text it names."""

from hypothesis import given, settings
from hypothesis import strategies as st

import fupin

# Pieces that make figures (numerals, units, approximations, subjects, years), in
# simplified, traditional and full-width forms, with astral characters and junk.
PIECES = [
    "0", "1", "2", "3", "5", "9", ".", ",", "，", "、", "%", "％", "‰", "１", "２", "．",
    "一", "二", "三", "十", "百", "千", "万", "萬", "亿", "億", "两", "零", "〇", "点", "點",
    "壹", "贰", "叁", "拾", "佰", "仟",
    "人", "户", "戶", "元", "万元", "亿元", "个", "個", "村", "亩", "公里", "人次", "个百分点",
    "约", "約", "余", "多", "近", "超过", "以上", "至", "到", "由", "降至", "下降到", "增长",
    "贫困人口", "貧困人口", "建档立卡", "脱贫", "脫貧", "贫困发生率", "貧困發生率", "贫困村",
    "人均可支配收入", "扶贫资金", "年", "2014年", "2019年", "今年", "去年", "全县", "全縣",
    "石岭县", "永和縣", "。", ";", "\n", " ", "\u3000", "(", ")", "的",
    "𠀀", "😀", "\U0002a6a5", "é", "\ufffd", "?", "a", "\x00",
]

texts = st.lists(st.sampled_from(PIECES), max_size=60).map("".join) | st.text(max_size=80)


def check(text, records):
    for r in records:
        assert text[r["start"] : r["end"]] == r["text"], (text, r)
        if "subject" in r:
            assert text[r["subject_start"] : r["subject_end"]] == r["subject"], (text, r)
        if "previous" in r:
            p = r["previous"]
            assert text[p["start"] : p["end"]] == p["text"], (text, r)


@settings(max_examples=400, deadline=None)
@given(texts)
def test_offsets_always_slice_to_text(text):
    check(text, fupin.quantities(text))
    check(text, fupin.extract(text))
    check(text, fupin.extract(text, date="2020-06-30"))


@settings(max_examples=50, deadline=None)
@given(st.lists(texts, max_size=6))
def test_frame_offsets_slice_to_text(docs):
    df = fupin.extract_frame(docs)
    for row in df.itertuples(index=False):
        assert docs[row.id][row.start : row.end] == row.text
        assert docs[row.id][row.subject_start : row.subject_end] == row.subject
