import { ONE_CLICK_FIELD, SEEN_AFTER_MS } from './one-click.ts';

/**
 * The questionnaire page's only script, served from our own origin (the CSP allows no
 * inline script). (Probes for low ratings need none: CSS reveals them.) It confirms a score
 * clicked in the email once a person is plausibly there: the page stayed visible for
 * {@link SEEN_AFTER_MS} ms (`seen`), or it was touched, typed into or scrolled (`touched`,
 * which is sent even after a `seen`). The confirmation is a beacon, so it is delivered even if
 * the tab is closed right after. Without JavaScript, the form's button saves the score.
 */
export const FORM_SCRIPT_PATH = '/assets/form.js';

const CONFIRM = `(function(){var f=document.querySelector('form[data-one-click]');if(!f||!navigator.sendBeacon)return;var sent={},timer;function send(kind){if(sent[kind]||sent.touched)return;sent[kind]=1;var b=new URLSearchParams();b.set('score',f.getAttribute('data-one-click'));b.set('${ONE_CLICK_FIELD}',kind);navigator.sendBeacon(f.action,b);}function watch(){clearTimeout(timer);if(document.visibilityState==='visible')timer=setTimeout(function(){send('seen');},${SEEN_AFTER_MS});}document.addEventListener('visibilitychange',watch);watch();['pointerdown','keydown','touchstart','wheel'].forEach(function(type){document.addEventListener(type,function(e){if(e.isTrusted)send('touched');},{capture:true,passive:true});});})();`;

export const FORM_SCRIPT = CONFIRM;
