import { describe, expect, it } from 'vitest';
import {
  checkDevelopment,
  type DevelopmentRecord,
  developmentDueDates,
  developmentOverdue,
  developmentStage,
  probationEnd,
} from './development.ts';

const TODAY = '2026-05-01';

/** A complete, regular development: every check passes. */
const FULL: DevelopmentRecord = {
  birthDate: '1995-06-01',
  appliedOn: '2023-03-01',
  talkedOn: '2023-03-20',
  activistOn: '2023-06-01',
  contacts: ['张三'],
  candidateOn: '2024-06-01',
  politicalReviewOn: '2024-07-01',
  trainingDays: 3,
  introducers: ['李四', '王五'],
  admittedOn: '2024-09-01',
  approvedOn: '2024-10-15',
  fullMeetingOn: '2025-09-01',
  fullApprovedOn: '2025-10-10',
};

const rec = (changes: Partial<DevelopmentRecord>): DevelopmentRecord => ({ ...FULL, ...changes });
const codes = (r: DevelopmentRecord, today = TODAY) => checkDevelopment(r, today).errors.map((f) => f.code);

describe('developmentStage', () => {
  it.each<[Partial<DevelopmentRecord>, string | null]>([
    [{}, null],
    [{ appliedOn: '2025-01-01' }, 'applicant'],
    [{ appliedOn: '2025-01-01', talkedOn: '2025-01-10' }, 'applicant'],
    [{ appliedOn: '2025-01-01', activistOn: '2025-02-01' }, 'activist'],
    [{ activistOn: '2025-02-01', candidateOn: '2026-02-01' }, 'candidate'],
    // From the admission meeting, before and after the higher committee's approval.
    [{ candidateOn: '2026-02-01', admittedOn: '2026-04-01' }, 'probationary'],
    [{ admittedOn: '2025-04-01', approvedOn: '2025-05-01', fullMeetingOn: '2026-04-01' }, 'probationary'],
    [{ fullMeetingOn: '2026-04-01', fullApprovedOn: '2026-04-20' }, 'full'],
  ])('%j: %s', (record, stage) => {
    expect(developmentStage(record)).toBe(stage);
  });
});

describe('probationEnd', () => {
  it.each<[Partial<DevelopmentRecord>, string | undefined]>([
    [{ admittedOn: '2024-09-01' }, '2025-09-01'],
    [{ admittedOn: '2024-02-29' }, '2025-02-28'],
    [{ admittedOn: '2024-09-01', extensionMonths: 0 }, '2025-09-01'],
    [{ admittedOn: '2024-09-01', extensionMonths: 6 }, '2026-03-01'],
    [{ admittedOn: '2024-08-31', extensionMonths: 6 }, '2026-02-28'],
    [{ admittedOn: '2024-09-01', extensionMonths: 12 }, '2026-09-01'],
    [{ admittedOn: '2024-09-01', extensionMonths: 3 }, undefined],
    [{}, undefined],
  ])('%j: %s', (record, expected) => {
    expect(probationEnd(record)).toBe(expected);
  });
});

describe('checkDevelopment', () => {
  it('accepts a regular development', () => {
    expect(checkDevelopment(FULL, TODAY)).toEqual({ errors: [], early: [] });
    expect(checkDevelopment({}, TODAY)).toEqual({ errors: [], early: [] });
  });

  describe('dates in the future', () => {
    it.each<[string, string[]]>([
      ['2026-04-30', []],
      ['2026-05-01', []],
      ['2026-05-02', ['future_date']],
    ])('full approval on %s, today 2026-05-01: %j', (fullApprovedOn, expected) => {
      expect(codes(rec({ fullApprovedOn }))).toEqual(expected);
    });

    it('names the date and today', () => {
      expect(checkDevelopment({ appliedOn: '2026-05-02' }, TODAY).errors).toEqual([
        {
          step: 'application',
          code: 'future_date',
          message: '递交入党申请书的日期（2026-05-02）晚于今天（2026-05-01）',
        },
      ]);
    });

    it('a future date still needs its predecessors', () => {
      expect(codes({ candidateOn: '2027-01-01' })).toEqual(['future_date', 'missing_previous']);
    });
  });

  it('refuses a date that does not exist, once', () => {
    expect(checkDevelopment(rec({ talkedOn: '2023-02-29' }), TODAY).errors).toEqual([
      { step: 'talk', code: 'invalid_date', message: '组织谈话的日期“2023-02-29”不是有效日期' },
    ]);
  });

  describe('18 or older on the application date', () => {
    it.each<[string, string, string[]]>([
      ['2005-03-01', '2023-03-01', []],
      ['2005-03-02', '2023-03-01', ['under_age']],
      ['2005-02-28', '2023-03-01', []],
      // Born on a leap day: 18 on 1 March of a common year.
      ['2004-02-29', '2022-02-28', ['under_age']],
      ['2004-02-29', '2022-03-01', []],
      // Born after applying: certainly not 18.
      ['2024-01-01', '2023-03-01', ['under_age']],
    ])('born %s, applied %s: %j', (birthDate, appliedOn, expected) => {
      expect(codes({ birthDate, appliedOn })).toEqual(expected);
    });

    it('says so', () => {
      expect(checkDevelopment({ birthDate: '2005-03-02', appliedOn: '2023-03-01' }, TODAY).errors[0].message).toBe(
        '递交入党申请书时（2023-03-01）未满18周岁（按身份证号码计算为 17 周岁）',
      );
    });

    it('is not checked without a birth date', () => {
      expect(codes({ appliedOn: '2023-03-01' })).toEqual([]);
    });
  });

  describe('stage order', () => {
    it.each<[Partial<DevelopmentRecord>, string[]]>([
      // The day before, the day of, the day after the previous stage.
      [{ talkedOn: '2023-02-28' }, ['before_previous']],
      [{ talkedOn: '2023-03-01' }, []],
      [{ talkedOn: '2023-03-02' }, []],
      [{ activistOn: '2023-02-28', candidateOn: '2024-03-01' }, ['before_previous']],
      [{ politicalReviewOn: '2024-05-31' }, ['before_previous']],
      [{ politicalReviewOn: '2024-06-01' }, []],
      [{ admittedOn: '2024-06-30' }, ['before_previous']],
      [{ admittedOn: '2024-07-01' }, []],
      [{ approvedOn: '2024-08-31' }, ['before_previous']],
      [{ fullApprovedOn: '2025-08-31' }, ['before_previous']],
    ])('%j: %j', (changes, expected) => {
      expect(codes(rec(changes))).toEqual(expected);
    });

    it('names both dates', () => {
      expect(checkDevelopment(rec({ approvedOn: '2024-08-31' }), TODAY).errors).toEqual([
        {
          step: 'approval',
          code: 'before_previous',
          message: '上级党委审批接收的日期（2024-08-31）早于支部大会讨论接收为预备党员（2024-09-01）',
        },
      ]);
    });
  });

  describe('a later stage without an earlier one', () => {
    it.each<[keyof DevelopmentRecord, string[]]>([
      ['appliedOn', ['missing_previous', 'missing_previous']],
      ['activistOn', ['missing_previous']],
      ['politicalReviewOn', ['missing_previous']],
      ['approvedOn', ['missing_previous']],
      ['fullMeetingOn', ['missing_previous']],
    ])('without %s: %j', (field, expected) => {
      const changes = { [field]: undefined };
      expect(codes(rec(changes))).toEqual(expected);
    });

    it('says which date is missing', () => {
      expect(checkDevelopment(rec({ politicalReviewOn: undefined }), TODAY).errors[0]).toEqual({
        step: 'admission',
        code: 'missing_previous',
        message: '已填写支部大会讨论接收为预备党员的日期，但缺少政治审查的日期',
      });
    });
  });

  it.each<[string[] | undefined, string[]]>([
    [undefined, ['contacts_count']],
    [[], ['contacts_count']],
    [['张三'], []],
    [['张三', '赵六'], []],
    [['张三', '赵六', '钱七'], ['contacts_count']],
    [['张三', ' 张三 '], []],
    [['', ' '], ['contacts_count']],
  ])('an activist with contacts %j: %j', (contacts, expected) => {
    expect(codes(rec({ contacts }))).toEqual(expected);
  });

  it.each<[string[] | undefined, string[]]>([
    [undefined, ['introducers_count']],
    [['李四'], ['introducers_count']],
    [['李四', '王五'], []],
    [['李四', '王五', '孙八'], ['introducers_count']],
    [['李四', '李四'], ['introducers_count']],
  ])('admission with introducers %j: %j', (introducers, expected) => {
    expect(codes(rec({ introducers }))).toEqual(expected);
  });

  it.each<[number | undefined, number | undefined, string[]]>([
    [undefined, undefined, ['training_insufficient']],
    [2, 23, ['training_insufficient']],
    [3, undefined, []],
    [undefined, 24, []],
    [2, 24, []],
    [3, 0, []],
  ])('admission after %s days / %s hours of training: %j', (trainingDays, trainingHours, expected) => {
    expect(codes(rec({ trainingDays, trainingHours }))).toEqual(expected);
  });

  it('states the training rule with the values', () => {
    const { errors } = checkDevelopment(rec({ trainingDays: 2, trainingHours: 23 }), TODAY);
    expect(errors[0].message).toBe('接收为预备党员前须经集中培训不少于3天或24学时，现为 2 天、23 学时');
  });

  it.each<[number | undefined, string[]]>([
    [undefined, []],
    [0, []],
    [5, ['invalid_extension']],
    [6, []],
    [12, []],
    [13, ['invalid_extension']],
    [6.5, ['invalid_extension']],
  ])('extension of %s months: %j', (extensionMonths, expected) => {
    // The full meeting is moved past any extension so that only the extension is judged.
    expect(
      codes(rec({ extensionMonths, fullMeetingOn: '2026-09-01', fullApprovedOn: undefined }), '2026-12-31'),
    ).toEqual(expected);
  });

  it('an extension needs an admission', () => {
    expect(codes({ extensionMonths: 6 })).toEqual(['missing_previous']);
  });

  describe('candidate at least 1 year after activist', () => {
    const steps = (activistOn: string, candidateOn: string, earlyReasons?: DevelopmentRecord['earlyReasons']) =>
      checkDevelopment({ appliedOn: '2020-01-01', activistOn, contacts: ['张三'], candidateOn, earlyReasons }, TODAY);

    it.each<[string, string, boolean]>([
      ['2025-03-15', '2026-03-14', true],
      ['2025-03-15', '2026-03-15', false],
      ['2025-03-15', '2026-03-16', false],
      // Activist on a leap day: a year later is 2025-02-28.
      ['2024-02-29', '2025-02-27', true],
      ['2024-02-29', '2025-02-28', false],
      // Activist on 31 January, 2026 is a common year.
      ['2025-01-31', '2026-01-30', true],
      ['2025-01-31', '2026-01-31', false],
    ])('activist %s, candidate %s: early %s', (activistOn, candidateOn, early) => {
      expect(steps(activistOn, candidateOn).errors.map((f) => f.code)).toEqual(early ? ['too_early'] : []);
    });

    it('is an error without a reason, with the rule in the message', () => {
      expect(steps('2025-03-15', '2026-03-14')).toEqual({
        errors: [
          {
            step: 'candidate',
            code: 'too_early',
            message: '确定为发展对象的日期（2026-03-14）距确定为入党积极分子（2025-03-15）不满1年，提前须书面说明理由',
          },
        ],
        early: [],
      });
    });

    it('is listed for review with a written reason', () => {
      expect(steps('2025-03-15', '2026-03-14', { candidate: '经县委组织部同意提前一天' })).toEqual({
        errors: [],
        early: [
          {
            step: 'candidate',
            code: 'too_early',
            message: '确定为发展对象的日期（2026-03-14）距确定为入党积极分子（2025-03-15）不满1年',
            reason: '经县委组织部同意提前一天',
          },
        ],
      });
    });

    it('a blank reason is no reason', () => {
      const reasons = { candidate: '  ', full_meeting: '另一步的理由' };
      expect(steps('2025-03-15', '2026-03-14', reasons).errors.map((f) => f.code)).toEqual(['too_early']);
    });

    it('a candidate before the activist is out of order, not early', () => {
      expect(steps('2025-03-15', '2025-03-14').errors.map((f) => f.code)).toEqual(['before_previous']);
    });
  });

  describe('full meeting not before probation ends', () => {
    // Admitted 2024-09-01: probation ends 2025-09-01, or 2026-03-01 with 6 months' extension.
    it.each<[string, number, boolean]>([
      ['2025-08-31', 0, true],
      ['2025-09-01', 0, false],
      ['2025-09-02', 0, false],
      ['2026-02-28', 6, true],
      ['2026-03-01', 6, false],
    ])('full meeting %s, extension %i: early %s', (fullMeetingOn, extensionMonths, early) => {
      const r = rec({ fullMeetingOn, extensionMonths, fullApprovedOn: undefined });
      expect(codes(r)).toEqual(early ? ['too_early'] : []);
    });

    it('with a reason goes to review', () => {
      const r = rec({ fullMeetingOn: '2025-08-31', fullApprovedOn: undefined, earlyReasons: { full_meeting: '因故' } });
      expect(checkDevelopment(r, TODAY)).toEqual({
        errors: [],
        early: [
          {
            step: 'full_meeting',
            code: 'too_early',
            message: '支部大会讨论转为正式党员的日期（2025-08-31）早于预备期满之日（2025-09-01）',
            reason: '因故',
          },
        ],
      });
    });
  });
});

describe('developmentDueDates', () => {
  it('computes every due date of a complete record', () => {
    expect(developmentDueDates(FULL)).toEqual({
      talkDue: '2023-04-01',
      candidateEarliest: '2024-06-01',
      approvalDue: '2024-12-01',
      approvalLimit: '2025-03-01',
      probationEnd: '2025-09-01',
      fullApprovalDue: '2025-12-01',
    });
  });

  it.each<[Partial<DevelopmentRecord>, object]>([
    [{}, {}],
    [{ appliedOn: '2026-01-31' }, { talkDue: '2026-02-28' }],
    [{ activistOn: '2024-02-29' }, { candidateEarliest: '2025-02-28' }],
    [
      { admittedOn: '2025-11-30' },
      {
        approvalDue: '2026-02-28',
        approvalLimit: '2026-05-30',
        probationEnd: '2026-11-30',
        fullApprovalDue: '2027-02-28',
      },
    ],
    [
      { admittedOn: '2025-08-31', extensionMonths: 6 },
      {
        approvalDue: '2025-11-30',
        approvalLimit: '2026-02-28',
        probationEnd: '2027-02-28',
        fullApprovalDue: '2027-05-28',
      },
    ],
    // An invalid extension leaves the probation end unknown.
    [
      { admittedOn: '2025-08-31', extensionMonths: 4 },
      { approvalDue: '2025-11-30', approvalLimit: '2026-02-28' },
    ],
  ])('%j: %j', (record, expected) => {
    expect(developmentDueDates(record)).toEqual(expected);
  });
});

describe('developmentOverdue', () => {
  const overdue = (record: DevelopmentRecord, today: string) =>
    developmentOverdue(record, today).map((i) => [i.step, i.code, i.dueOn]);

  it.each<[Partial<DevelopmentRecord>, string, unknown[]]>([
    // Talk within 1 month: applied 2026-01-31, due 2026-02-28.
    [{ appliedOn: '2026-01-31' }, '2026-02-28', []],
    [{ appliedOn: '2026-01-31' }, '2026-03-01', [['talk', 'talk_overdue', '2026-02-28']]],
    [{ appliedOn: '2026-01-31', talkedOn: '2026-03-05' }, '2026-03-06', []],
    [{ appliedOn: '2026-01-31', activistOn: '2026-04-01' }, '2026-04-02', []],
    // Approval within 3 months, 6 at most: admitted 2025-11-30, due 2026-02-28, limit 2026-05-30.
    [{ admittedOn: '2025-11-30' }, '2026-02-28', []],
    [{ admittedOn: '2025-11-30' }, '2026-03-01', [['approval', 'approval_overdue', '2026-02-28']]],
    [{ admittedOn: '2025-11-30' }, '2026-05-30', [['approval', 'approval_overdue', '2026-02-28']]],
    [{ admittedOn: '2025-11-30' }, '2026-05-31', [['approval', 'approval_past_limit', '2026-05-30']]],
    [{ admittedOn: '2025-11-30', approvedOn: '2026-05-31' }, '2026-06-01', []],
    // Conversion within 3 months of probation end: admitted 2024-09-01, ends 2025-09-01, due 2025-12-01.
    [{ admittedOn: '2024-09-01', approvedOn: '2024-10-01' }, '2025-12-01', []],
    [
      { admittedOn: '2024-09-01', approvedOn: '2024-10-01' },
      '2025-12-02',
      [['full_meeting', 'full_overdue', '2025-12-01']],
    ],
    [
      { admittedOn: '2024-09-01', approvedOn: '2024-10-01', fullMeetingOn: '2025-09-10' },
      '2025-12-02',
      [['full_approval', 'full_overdue', '2025-12-01']],
    ],
    [{ admittedOn: '2024-09-01', approvedOn: '2024-10-01', fullApprovedOn: '2025-12-20' }, '2026-01-01', []],
    // With 6 months' extension: ends 2026-03-01, due 2026-06-01.
    [{ admittedOn: '2024-09-01', approvedOn: '2024-10-01', extensionMonths: 6 }, '2026-06-01', []],
    [
      { admittedOn: '2024-09-01', approvedOn: '2024-10-01', extensionMonths: 6 },
      '2026-06-02',
      [['full_meeting', 'full_overdue', '2026-06-01']],
    ],
  ])('%j on %s: %j', (record, today, expected) => {
    expect(overdue(record, today)).toEqual(expected);
  });

  it('lists every open item, with messages naming the dates', () => {
    expect(developmentOverdue({ appliedOn: '2024-01-10', admittedOn: '2024-09-01' }, '2026-01-01')).toEqual([
      {
        step: 'talk',
        code: 'talk_overdue',
        dueOn: '2024-02-10',
        message: '递交入党申请书（2024-01-10）后应在1个月内（最迟 2024-02-10）派人谈话，尚未谈话',
        en: 'Applied on 2024-01-10: the talk was due within 1 month (by 2024-02-10) and has not taken place',
      },
      {
        step: 'approval',
        code: 'approval_past_limit',
        dueOn: '2025-03-01',
        message: '支部大会接收为预备党员（2024-09-01）已超过6个月（最迟 2025-03-01），上级党委仍未审批',
        en: "Admitted by the branch meeting on 2024-09-01: more than 6 months (limit 2025-03-01) without the higher committee's approval",
      },
      {
        step: 'full_meeting',
        code: 'full_overdue',
        dueOn: '2025-12-01',
        message: '预备期已于 2025-09-01 期满，应在3个月内（最迟 2025-12-01）完成转正，支部大会尚未讨论',
        en: 'Probation ended on 2025-09-01: full membership was due within 3 months (by 2025-12-01); the branch meeting has not discussed it',
      },
    ]);
  });

  it('a complete record has nothing overdue', () => {
    expect(developmentOverdue(FULL, TODAY)).toEqual([]);
  });
});
