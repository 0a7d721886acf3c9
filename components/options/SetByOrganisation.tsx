/** The words Options shows beside anything an administrator fixed by policy. */
export const SET_BY_ORGANISATION = 'Set by your organisation';

/** The note under a field the organisation fixed; the field points to it by its ID. */
export function SetByOrganisationNote(props: { id: string }) {
  return (
    <p id={props.id} class="locked">
      {SET_BY_ORGANISATION}: this cannot be changed here.
    </p>
  );
}

/** Policy values the browser gave that were ignored, each in a sentence. */
export function PolicyWarnings(props: { warnings: readonly string[] }) {
  if (props.warnings.length === 0) return null;
  return (
    <div class="notice notice-warning" role="alert">
      <p>Some of your organisation's policy could not be used:</p>
      <ul>
        {props.warnings.map((warning) => (
          <li key={warning}>{warning}</li>
        ))}
      </ul>
      <p>Tell whoever manages your browser. Until it is fixed, the values named stay as stated.</p>
    </div>
  );
}
