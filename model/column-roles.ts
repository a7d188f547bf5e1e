// Every column role the reader knows, as a runtime list (types.ts has only the type), with the
// labels the task pane and the CLI's report show. Order: how an appendix reads from left to right.
import type { ColumnRole, Lang } from './types';

const ROLE_LABELS_VI = {
  code: 'Số thứ tự / mã',
  name: 'Lĩnh vực / tiêu chí',
  task: 'Nhiệm vụ',
  maxPoints: 'Điểm tối đa',
  targetPoints: 'Điểm mục tiêu',
  target: 'Mục tiêu / chỉ tiêu',
  evidenceRequired: 'Yêu cầu tài liệu kiểm chứng',
  deadline: 'Thời gian thực hiện',
  lead: 'Cơ quan chủ trì',
  coordinating: 'Cơ quan phối hợp',
  product: 'Sản phẩm / kết quả',
  actual: 'Kết quả thực hiện',
  selfPoints: 'Điểm tự đánh giá',
  evidence: 'Tài liệu kiểm chứng',
  explanation: 'Giải trình',
  note: 'Ghi chú (không dùng)',
} as const satisfies Record<ColumnRole, string>;

const ROLE_LABELS_EN = {
  code: 'No. / code',
  name: 'Field / criterion',
  task: 'Task',
  maxPoints: 'Maximum points',
  targetPoints: 'Target points',
  target: 'Target',
  evidenceRequired: 'Required evidence',
  deadline: 'Timeframe',
  lead: 'Lead agency',
  coordinating: 'Coordinating agencies',
  product: 'Product / result',
  actual: 'Actual result',
  selfPoints: 'Self-assessed points',
  evidence: 'Evidence',
  explanation: 'Explanation',
  note: 'Note (unused)',
} as const satisfies Record<ColumnRole, string>;

export const ROLE_LABELS: Record<Lang, Record<ColumnRole, string>> = { vi: ROLE_LABELS_VI, en: ROLE_LABELS_EN };

export const COLUMN_ROLES = Object.keys(ROLE_LABELS_VI) as ColumnRole[];

export function isColumnRole(v: unknown): v is ColumnRole {
  return typeof v === 'string' && (COLUMN_ROLES as string[]).includes(v);
}
