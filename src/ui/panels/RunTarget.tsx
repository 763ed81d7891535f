/**
 * What Run will check, said where the button is: the module and the config. When the file being
 * edited is a module the check does not read, it says so and offers to check that one instead
 * (making it a config if it has none), so that Run never quietly checks a template left selected.
 */
import { useMemo } from 'react';
import { appStore, useApp } from '../store';
import { modulesUsedBy } from '../store/fileNames';

export function RunTarget() {
  const mainModule = useApp((s) => s.model.mainModule);
  const cfgFile = useApp((s) => s.model.cfgFile);
  const quint = useApp((s) => s.model.quint);
  const activeFile = useApp((s) => s.activeFile);
  const files = useApp((s) => s.files);
  // A Quint model reads its .qnt files; a .tla beside them is not what Run checks anyway.
  const editing = activeFile.endsWith('.tla') && !quint ? activeFile.slice(0, -4) : undefined;
  const unused = useMemo(
    () => editing !== undefined && !modulesUsedBy(files, mainModule).has(editing),
    [files, mainModule, editing],
  );

  const checkEdited = () => {
    if (!editing) return;
    const cfg = `${editing}.cfg`;
    const store = appStore.getState();
    if (cfg in store.files) store.updateModel({ mainModule: editing, cfgFile: cfg });
    // A module with no config gets one naming Init and Next, opened for the user to finish.
    else store.addFile(cfg, 'INIT Init\nNEXT Next\n');
  };

  return (
    <div className="run-target" data-testid="run-target">
      {quint ? (
        <p>
          Checks Quint module <code>{mainModule}</code> of <code>{quint.file}</code> from{' '}
          <code>{quint.init}</code> by <code>{quint.step}</code>
        </p>
      ) : (
        <p>
          Checks <code>{mainModule}.tla</code> with <code>{cfgFile}</code>
        </p>
      )}
      {unused && (
        <p className="run-target__other" role="status">
          You are editing <code>{activeFile}</code>, which {mainModule} does not use.{' '}
          <button className="link-button" onClick={checkEdited}>
            Check {editing} instead
          </button>
        </p>
      )}
    </div>
  );
}
