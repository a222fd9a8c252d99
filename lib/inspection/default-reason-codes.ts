import type { Category } from "@/db/schema/catalog";
import type { Verdict } from "@/db/schema/inspection";

export type DefaultReasonCode = {
  code: string;
  /** Null: usable for every category. */
  category: Category | null;
  labelEn: string;
  labelKo: string;
  verdicts: Verdict[];
};

const r = (code: string, verdicts: Verdict[], labelEn: string, labelKo: string, category: Category | null = null): DefaultReasonCode => ({
  code,
  category,
  labelEn,
  labelKo,
  verdicts,
});

/** Reason codes each new center starts with; every verdict but pass has some for every category. */
export const defaultReasonCodes: DefaultReasonCode[] = [
  // Within tolerance, disclosed to the buyer.
  r("BOX_DAMAGE", ["pass_minor_defect"], "Box damaged", "박스 손상"),
  r("MINOR_MARK", ["pass_minor_defect"], "Tiny mark or scuff", "미세한 자국·스크래치"),
  r("GLUE_MARK", ["pass_minor_defect", "fail_defect"], "Glue marks", "본드 자국", "sneakers"),
  r("LOOSE_THREAD", ["pass_minor_defect"], "Loose thread", "실밥 풀림"),
  r("FACTORY_DIRT", ["pass_minor_defect"], "Light factory dirt", "가벼운 공장 오염"),
  r("BOX_NO_LID", ["pass_minor_defect", "fail_missing_parts"], "Box lid missing", "박스 뚜껑 없음"),

  // Counterfeit.
  r("FAKE_LOGO", ["fail_counterfeit"], "Logo or print not genuine", "로고·인쇄 가품"),
  r("FAKE_MATERIAL", ["fail_counterfeit"], "Material or construction not genuine", "소재·제작 방식 가품"),
  r("FAKE_LABEL", ["fail_counterfeit"], "Size or care label not genuine", "사이즈·케어 라벨 가품"),
  r("FAKE_STITCHING", ["fail_counterfeit"], "Stitching pattern not genuine", "스티칭 패턴 가품"),
  r("FAKE_SERIAL", ["fail_counterfeit"], "Serial, date code or IMEI not genuine", "시리얼·날짜 코드·IMEI 가품"),
  r("FAKE_UV", ["fail_counterfeit"], "UV light reaction not genuine", "UV 반응 가품", "sneakers"),
  r("FAKE_BOX", ["fail_counterfeit"], "Box or packaging not genuine", "박스·포장 가품"),
  r("FAKE_HARDWARE", ["fail_counterfeit"], "Hardware not genuine", "금속 부속 가품", "bags"),
  r("FAKE_MOVEMENT", ["fail_counterfeit"], "Movement not genuine", "무브먼트 가품", "watches"),

  // Used.
  r("USED_WEAR", ["fail_used"], "Signs of wear", "착용·사용 흔적"),
  r("USED_SOLE", ["fail_used"], "Worn or dirty outsole", "아웃솔 마모·오염", "sneakers"),
  r("USED_CREASE", ["fail_used"], "Toe box creases", "앞코 주름", "sneakers"),
  r("USED_ODOR", ["fail_used"], "Wear odour", "착용 냄새"),
  r("USED_WASHED", ["fail_used"], "Washed or tags removed and reattached", "세탁 흔적·택 재부착", "apparel"),
  r("USED_ACTIVATED", ["fail_used"], "Device activated or set up", "기기 개통·설정됨", "tech"),
  r("USED_SIZED", ["fail_used"], "Bracelet sized or films removed", "브레이슬릿 조정·필름 제거", "watches"),

  // Defect or damage.
  r("DEFECT_STAIN", ["fail_defect"], "Stain or discolouration", "얼룩·변색"),
  r("DEFECT_TEAR", ["fail_defect"], "Tear, hole or cut", "찢어짐·구멍·베임"),
  r("DEFECT_STITCHING", ["fail_defect"], "Faulty stitching", "스티칭 불량"),
  r("DEFECT_ASYMMETRY", ["fail_defect"], "Left and right differ", "좌우 비대칭", "sneakers"),
  r("DEFECT_SCRATCH", ["fail_defect"], "Deep scratch or dent", "깊은 흠집·찍힘"),
  r("DEFECT_NOT_WORKING", ["fail_defect"], "Does not work", "작동 불량"),

  // Wrong item.
  r("WRONG_MODEL", ["fail_wrong_item"], "Different model", "다른 모델"),
  r("WRONG_COLOUR", ["fail_wrong_item"], "Different colour", "다른 색상"),
  r("WRONG_SIZE", ["fail_wrong_item"], "Different size", "다른 사이즈"),
  r("WRONG_PAIR", ["fail_wrong_item"], "Mismatched pair", "짝짝이", "sneakers"),

  // Missing parts.
  r("MISSING_BOX", ["fail_missing_parts"], "Box missing", "박스 없음"),
  r("MISSING_TAGS", ["fail_missing_parts"], "Tags missing", "택 없음"),
  r("MISSING_ACCESSORIES", ["fail_missing_parts"], "Accessories missing", "구성품 누락"),
  r("MISSING_PAPERS", ["fail_missing_parts"], "Warranty card or papers missing", "보증서·서류 누락"),
];
