import type { Category } from "@/db/schema/catalog";
import type { ChecklistPoint } from "@/db/schema/inspection";

const box = (key: string, labelEn: string, labelKo: string): ChecklistPoint => ({ key, subject: "box", labelEn, labelKo });
const item = (key: string, labelEn: string, labelKo: string): ChecklistPoint => ({ key, subject: "item", labelEn, labelKo });

/**
 * The checklist each new center starts with, per category. The box (or packaging) and the item
 * are separate rows: a genuine item in a damaged or fake box is a different outcome from a fake item.
 */
export const defaultChecklists: Record<Category, ChecklistPoint[]> = {
  sneakers: [
    box("box_condition", "Box: condition (dents, tears, crushed corners)", "박스: 상태 (찌그러짐, 찢어짐, 모서리 눌림)"),
    box("box_label", "Box: label matches model, colour and size", "박스: 라벨의 모델·색상·사이즈 일치"),
    box("box_authenticity", "Box: print, font and material genuine", "박스: 인쇄·폰트·재질 정품 여부"),
    item("item_match", "Shoe: model, colour and size as ordered", "신발: 주문한 모델·색상·사이즈 일치"),
    item("tags", "Shoe: tags and stickers present", "신발: 택·스티커 부착"),
    item("stitching", "Shoe: stitching even and clean", "신발: 스티칭 균일·깔끔"),
    item("size_label", "Shoe: size label matches box label", "신발: 사이즈 라벨과 박스 라벨 일치"),
    item("insole", "Shoe: insole print and fit", "신발: 인솔 인쇄·장착 상태"),
    item("sole", "Shoe: outsole unworn, no dirt", "신발: 아웃솔 미착용·오염 없음"),
    item("smell", "Shoe: factory smell only, no wear odour", "신발: 공장 냄새 외 착용 냄새 없음"),
    item("uv_glue", "Shoe: UV light check and glue marks", "신발: UV 검사 및 본드 자국"),
    item("accessories", "Shoe: accessories (extra laces, dust bag, inserts)", "신발: 구성품 (여분 끈, 더스트백, 부속품)"),
  ],
  apparel: [
    box("packaging", "Packaging: bag or box intact", "포장: 비닐·박스 상태"),
    item("item_match", "Garment: model, colour and size as ordered", "의류: 주문한 모델·색상·사이즈 일치"),
    item("tags", "Garment: hang tags attached", "의류: 행택 부착"),
    item("care_label", "Garment: care and size labels genuine", "의류: 케어·사이즈 라벨 정품 여부"),
    item("stitching", "Garment: stitching and seams", "의류: 스티칭·봉제선"),
    item("print", "Garment: print, embroidery and logos", "의류: 프린트·자수·로고"),
    item("fabric", "Garment: fabric clean, no pilling or stains", "의류: 원단 오염·보풀 없음"),
    item("fasteners", "Garment: zips, buttons and snaps work", "의류: 지퍼·단추·스냅 작동"),
    item("smell", "Garment: no wear or washing odour", "의류: 착용·세탁 냄새 없음"),
  ],
  bags: [
    box("box_condition", "Box and dust bag: condition", "박스·더스트백: 상태"),
    box("box_authenticity", "Box and dust bag: print and material genuine", "박스·더스트백: 인쇄·재질 정품 여부"),
    item("item_match", "Bag: model and colour as ordered", "가방: 주문한 모델·색상 일치"),
    item("material", "Bag: leather or fabric, grain and finish", "가방: 가죽·원단 결과 마감"),
    item("stitching", "Bag: stitching count and evenness", "가방: 스티칭 간격·균일성"),
    item("hardware", "Bag: hardware engraving, weight and finish", "가방: 금속 부속 각인·무게·마감"),
    item("logo_stamp", "Bag: logo and heat stamp", "가방: 로고·음각 스탬프"),
    item("serial", "Bag: serial or date code", "가방: 시리얼·날짜 코드"),
    item("lining", "Bag: interior lining and pockets", "가방: 내부 안감·포켓"),
    item("straps", "Bag: straps and handles unworn", "가방: 스트랩·손잡이 사용감 없음"),
    item("accessories", "Bag: accessories (card, strap, lock, keys)", "가방: 구성품 (카드, 스트랩, 자물쇠, 열쇠)"),
  ],
  watches: [
    box("box_condition", "Box: inner and outer box condition", "박스: 내·외부 박스 상태"),
    box("papers", "Box: warranty card and papers match the serial", "박스: 보증서·서류의 시리얼 일치"),
    item("item_match", "Watch: reference and dial as ordered", "시계: 주문한 레퍼런스·다이얼 일치"),
    item("serial", "Watch: case serial and reference engraving", "시계: 케이스 시리얼·레퍼런스 각인"),
    item("dial_hands", "Watch: dial print, indices and hands", "시계: 다이얼 인쇄·인덱스·핸즈"),
    item("case_crystal", "Watch: case and crystal unscratched", "시계: 케이스·글라스 흠집 없음"),
    item("bracelet", "Watch: bracelet or strap and clasp", "시계: 브레이슬릿·스트랩·버클"),
    item("movement", "Watch: movement runs, time and date set", "시계: 무브먼트 작동·시간·날짜 조작"),
    item("protective_film", "Watch: factory protective films present", "시계: 공장 보호 필름 부착"),
    item("accessories", "Watch: accessories (links, tools, pouch)", "시계: 구성품 (여분 링크, 공구, 파우치)"),
  ],
  tech: [
    box("box_seal", "Box: factory seal or shrink wrap intact", "박스: 공장 씰·수축 포장 상태"),
    box("box_label", "Box: label serial matches the device", "박스: 라벨 시리얼과 기기 일치"),
    item("item_match", "Device: model, colour and capacity as ordered", "기기: 주문한 모델·색상·용량 일치"),
    item("serial", "Device: serial or IMEI genuine", "기기: 시리얼·IMEI 정품 여부"),
    item("cosmetic", "Device: body and screen unscratched", "기기: 본체·화면 흠집 없음"),
    item("power_on", "Device: powers on, not activated", "기기: 전원 켜짐·미개통"),
    item("ports", "Device: ports and buttons work", "기기: 포트·버튼 작동"),
    item("accessories", "Device: accessories (cable, charger, manuals)", "기기: 구성품 (케이블, 충전기, 설명서)"),
  ],
};
