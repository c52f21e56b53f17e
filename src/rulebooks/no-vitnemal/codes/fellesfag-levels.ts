/**
 * §4.5 "Dere skal bare føre fellesfag på høyeste nivå dersom ikke annet framgår av fastsatt vurderingsordning for
 * faget." — the fellesfag that run over several levels, as data: each chain lists its steps from the lowest level to
 * the highest, each step the fagkoder of that level (teaching code and its exam codes). The vurderingsordning is read
 * from the catalogue: a lower step "says otherwise" (may stand beside the higher one) when one of its codes has a
 * standpunkt grade there (`SubjectDef.standpunkt`), e.g. matematikk 1P (vg1) with 2P (vg2), kroppsøving vg1–vg3.
 *
 * Source of every chain: the codes, levels and standpunkt flags of reference/no-codes.json (Grep copies S1–S4, S7, as
 * generated into `catalogue-data.ts`); the chain is the subject name the codes share, level by level.
 */
export interface FellesfagChain {
  id: string;
  /** The subject (bokmål). */
  name: string;
  /** From the lowest level to the highest: the fagkoder of each level. */
  steps: readonly (readonly string[])[];
  source: string;
}

export const FELLESFAG_CHAINS: readonly FellesfagChain[] = [
  {
    id: "norsk-studieforberedende",
    name: "Norsk, studieforberedende utdanningsprogram",
    steps: [["NOR1260", "NOR1261"], ["NOR1264", "NOR1265"], ["NOR1267", "NOR1268", "NOR1269"]],
    source: "reference/no-codes.json NOR1260–NOR1269 (S1, S2, S4): standpunkt only on the vg3 codes",
  },
  {
    id: "norsk-yrkesfag-pabygging",
    name: "Norsk, yrkesfag vg2 og vg3 påbygging",
    steps: [["NOR1262", "NOR1263"], ["NOR1270", "NOR1271", "NOR1272"]],
    source: "reference/no-codes.json NOR1262/NOR1263, NOR1270–NOR1272 (S1, S2, S4): standpunkt on vg2 yrkesfag and on vg3 påbygging",
  },
  {
    id: "historie-studieforberedende",
    name: "Historie, studieforberedende utdanningsprogram",
    steps: [["HIS1009"], ["HIS1010"]],
    source: "reference/no-codes.json HIS1009, HIS1010 (S1–S4): standpunkt only on vg3",
  },
  {
    id: "matematikk-p",
    name: "Matematikk P",
    steps: [["MAT1019", "MAT1020"], ["MAT1023", "MAT1024"]],
    source: "reference/no-codes.json MAT1019–MAT1024 (S1–S4): standpunkt on 1P and on 2P",
  },
  {
    id: "kroppsoving",
    name: "Kroppsøving",
    steps: [["KRO1017"], ["KRO1018"], ["KRO1019"]],
    source: "reference/no-codes.json KRO1017–KRO1019 (S1–S4): standpunkt every year",
  },
  {
    id: "spansk-i",
    name: "Spansk I",
    steps: [["FSP6218"], ["FSP6219", "FSP6220"]],
    source: "reference/no-codes.json FSP6218–FSP6220 (S1, S3): «Spansk I, 1. år» has no standpunkt",
  },
  {
    id: "spansk-ii",
    name: "Spansk II",
    steps: [["FSP6221"], ["FSP6222", "FSP6223"]],
    source: "reference/no-codes.json FSP6221–FSP6223 (S1, S3): «Spansk II, 1. år» has no standpunkt",
  },
  {
    id: "spansk-i-ii",
    name: "Spansk I+II",
    steps: [["FSP6224"], ["FSP6225"], ["FSP6226", "FSP6227"]],
    source: "reference/no-codes.json FSP6224–FSP6227 (S1, S3): standpunkt only on the vg3 code",
  },
  {
    id: "tysk-ii",
    name: "Tysk II",
    steps: [["FSP6241"], ["FSP6242"]],
    source: "reference/no-codes.json FSP6241, FSP6242 (S7, unverified): vg1 and vg2 of Tysk II",
  },
];
