import { Flex, Switch, Typography } from 'antd';

/** An on/off filter with its words beside it (the words also name the switch for a screen reader). */
export function LabelledSwitch({
  label,
  checked,
  onChange,
}: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <Flex gap={8} align="center">
      <Switch checked={checked} onChange={onChange} aria-label={label} />
      <Typography.Text>{label}</Typography.Text>
    </Flex>
  );
}
