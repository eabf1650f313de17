/**
 * The questionnaire page's only script, served from our own origin (the CSP allows no
 * inline script): it reveals a value's probe as soon as the rating drops to its threshold.
 * Without it, the server shows the probes on the next step.
 */
export const FORM_SCRIPT_PATH = '/assets/form.js';

export const FORM_SCRIPT = `document.addEventListener('change',function(e){var t=e.target;if(!t||!t.name||t.name.indexOf('performance-')!==0)return;var id=t.name.slice(12);var p=document.querySelector('[data-probe-for="'+id+'"]');if(!p)return;p.hidden=!(Number(t.value)<=Number(p.getAttribute('data-threshold')));});`;
