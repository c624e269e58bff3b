// A labelled <select> for GET filter forms: "any" first, then the options; the current value preselected.
// Plain markup (no state), so it works in server components and without JavaScript.
export type SelectOption = { value: string; label: string };

export function SelectField({
  id,
  name,
  label,
  anyLabel,
  value,
  options,
}: {
  id: string;
  name: string;
  label: string;
  anyLabel: string;
  value?: string | null;
  options: readonly SelectOption[];
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value ?? ""}>
        <option value="">{anyLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
