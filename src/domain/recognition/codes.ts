// The coded values of the secretary pool (下派书记 / 党务工作者库) and of honours (表彰) and
// demonstration sites (示范点). The server checks against them and the web labels from them.
import { choices } from '../enterprise/codes.ts';

/**
 * Where a pool secretary came from. Document 001 names the channels of its 党务工作者输送机制:
 * cadres sent down (机关), graduates (大中专毕业生), veterans (退伍军人), workers of state and
 * collective enterprises (国有集体企业); the brief adds 事业单位, retired cadres and open hiring.
 */
export const POOL_ORIGINS = choices({
  agency: '党政机关',
  institution: '事业单位',
  soe: '国有（集体）企业',
  retired_cadre: '退休干部',
  graduate: '大中专毕业生',
  veteran: '退役军人',
  recruited: '社会招聘',
  other: '其他',
});
export type PoolOrigin = (typeof POOL_ORIGINS)[number]['code'];

/** Derived from the dispatches and the date left: never stored, so it cannot disagree with them. */
export const POOL_STATUSES = choices({ available: '可下派', sent: '已下派', returned: '已返回', left: '已退出' });
export type PoolStatus = (typeof POOL_STATUSES)[number]['code'];

/** A pool secretary's status from what is recorded: left the pool, serving now, back, or never sent. */
export function poolStatus(p: { leftOn: string | null; serving: boolean; dispatched: boolean }): PoolStatus {
  if (p.leftOn !== null) return 'left';
  if (p.serving) return 'sent';
  return p.dispatched ? 'returned' : 'available';
}

/** Who conferred an honour or named a demonstration site, by tier. */
export const RECOGNITION_LEVELS = choices({
  national: '国家级',
  province: '省级',
  city: '市级',
  county: '县级',
  town: '乡镇（街道）级',
});
export type RecognitionLevel = (typeof RECOGNITION_LEVELS)[number]['code'];

/** Titles the forms offer (document 004 and the usual ones); any other title may be typed. */
export const ORG_HONOUR_TITLES = ['先锋号先进党组织', '先进基层党组织', '四强党组织', '五好党支部'] as const;
export const MEMBER_HONOUR_TITLES = ['先锋岗先进个人', '优秀共产党员', '优秀党务工作者', '四优共产党员'] as const;
