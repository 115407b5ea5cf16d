// 规则试算（预览）。英文目录 rulesPreview.en.ts 必须有相同的键。
const rulesPreview = {
  title: '规则试算',
} as const;

export default rulesPreview;
