import type { Ref } from 'preact';

/**
 * A choice among Stripe's values, each shown in the agent's words (a reason, a cancellation
 * feedback), with a first option for none chosen yet.
 */
export function ChoiceSelect<Value extends string>(props: {
  id: string;
  value: Value | '';
  /** Stripe's values, each with its words. */
  choices: Readonly<Record<Value, string>>;
  /** What the empty first option says: "Choose a reason…", "Not given". */
  none: string;
  onChange: (value: Value | '') => void;
  selectRef?: Ref<HTMLSelectElement>;
}) {
  return (
    <select
      id={props.id}
      ref={props.selectRef}
      value={props.value}
      onChange={(e) => props.onChange(e.currentTarget.value as Value | '')}
    >
      <option value="">{props.none}</option>
      {(Object.entries(props.choices) as Array<[Value, string]>).map(([value, label]) => (
        <option key={value} value={value}>
          {label}
        </option>
      ))}
    </select>
  );
}
