// Trunk initializer (data-initializer in index.html). If the app cannot start (a
// browser without WebAssembly, the .wasm failed to load), the loading block in
// index.html says so in plain words; it keeps its link to help.html, the static page
// of crisis lines. A panic (src/main.rs) sets "stopped", which this leaves alone.
export default function () {
  return {
    onFailure() {
      const boot = document.getElementById('boot');
      if (boot && boot.dataset.state !== 'stopped') boot.dataset.state = 'failed';
    },
  };
}
