import { Input, Space } from 'antd';

interface Props {
  value?: string[];
  onChange?: (value: string[]) => void;
  id?: string;
  /** How many people: 2 introducers, 1 or 2 contact persons. */
  slots: number;
  /** Each box's accessible name, numbered: “入党介绍人 1”. */
  label: string;
  disabled?: boolean;
}

/** A few people by name, one box each (培养联系人, 入党介绍人). */
export function NamesInput({ value = [], onChange, id, slots, label, disabled }: Props) {
  const at = (i: number) => value[i] ?? '';
  return (
    <Space.Compact block>
      {Array.from({ length: slots }, (_, i) => (
        <Input
          // biome-ignore lint/suspicious/noArrayIndexKey: the boxes are fixed slots, never reordered.
          key={i}
          id={i === 0 ? id : undefined}
          aria-label={`${label} ${i + 1}`}
          maxLength={50}
          disabled={disabled}
          value={at(i)}
          onChange={(e) => {
            const next = Array.from({ length: slots }, (_, j) => (j === i ? e.target.value : at(j)));
            onChange?.(next);
          }}
        />
      ))}
    </Space.Compact>
  );
}
