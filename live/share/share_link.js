/**
 * The page's "Copy link" button: the st.components.v2 component behind
 * ui/share_link.py, `export default function ({parentElement})`.
 *
 * The link to the current view is the address bar: every control writes its
 * value there on every change (ui/url_widgets.py), in a full rerun and in a
 * fragment's alike. So the browser builds the link when it is asked for, and
 * a part of the page that reruns alone (st.fragment) can never leave a stale
 * link behind, as a link written by the last full run would.
 *
 * A press copies the link to the clipboard and shows it in a field under the
 * button (selected, to copy by hand where the browser refuses the clipboard:
 * a page served over plain http to another machine). While the field is open
 * it follows the address bar; Escape or a press elsewhere closes it.
 */

// Material Design's "link" icon (Streamlit's own icons are Material too).
const LINK_ICON =
  "M17 7h-4v2h4c1.65 0 3 1.35 3 3s-1.35 3-3 3h-4v2h4c2.76 0 5-2.24 5-5s-2.24-5-5-5zm-6 8H7" +
  "c-1.65 0-3-1.35-3-3s1.35-3 3-3h4V7H7c-2.76 0-5 2.24-5 5s2.24 5 5 5h4v-2zm-3-4h8v2H8z";
const SVG = "http://www.w3.org/2000/svg";
const FOLLOW_MS = 400; // how often an open field looks at the address bar
const SHARED = (globalThis.__sparsityLab ??= {});
/** Presses and copies, for the tests and a look from the console. */
export const counters = (SHARED.shareLink ??= { presses: 0, copied: 0, refused: 0 });

/** The link to this view: the address bar's URL, without a fragment (#...). */
export function viewLink(location) {
  const url = new URL(location.href);
  url.hash = "";
  return url.href;
}

/**
 * Copy `text` with the asynchronous Clipboard API; false where there is none or
 * the browser refuses (no secure context, no permission).
 */
export async function copyText(text, clipboard) {
  if (!clipboard || typeof clipboard.writeText !== "function") return false;
  try {
    await clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

export const MESSAGES = {
  copied: "Copied. Anyone who opens this link sees this view.",
  manual: "Select the link and copy it: anyone who opens it sees this view.",
};

export class ShareLink {
  /**
   * @param {HTMLElement} parent the component's element (kept across reruns)
   * @param {Document} doc where the button and the field are made
   * @param {{location: Location, navigator: Navigator, document: Document,
   *          setInterval: Function, clearInterval: Function}} env the window it reads,
   *          copies and listens through
   */
  constructor(parent, doc, env) {
    this.env = env;
    this.root = doc.createElement("div");
    this.root.className = "sl-share";
    this.button = doc.createElement("button");
    this.button.type = "button";
    this.button.className = "sl-share-button";
    const icon = doc.createElementNS(SVG, "svg");
    icon.setAttribute("viewBox", "0 0 24 24");
    icon.setAttribute("aria-hidden", "true");
    const path = doc.createElementNS(SVG, "path");
    path.setAttribute("d", LINK_ICON);
    icon.appendChild(path);
    this.button.appendChild(icon);
    this.button.appendChild(doc.createTextNode("Copy link"));
    this.button.setAttribute("aria-expanded", "false");
    this.button.addEventListener("click", () => this.press());
    this.panel = doc.createElement("div");
    this.panel.className = "sl-share-panel";
    this.panel.hidden = true;
    this.field = doc.createElement("input");
    this.field.type = "text";
    this.field.readOnly = true;
    this.field.className = "sl-share-field";
    this.field.setAttribute("aria-label", "Link to this view");
    this.field.addEventListener("focus", () => this.field.select());
    this.message = doc.createElement("p");
    this.message.className = "sl-share-message";
    this.message.setAttribute("role", "status");
    this.panel.appendChild(this.field);
    this.panel.appendChild(this.message);
    this.root.appendChild(this.button);
    this.root.appendChild(this.panel);
    parent.appendChild(this.root);
    this.timer = null;
    // A press anywhere else closes the field, as a popover does (the path crosses
    // the component's shadow root).
    this.outside = (event) => {
      const path = typeof event.composedPath === "function" ? event.composedPath() : [];
      if (!path.includes(this.root)) this.close();
    };
    this.escape = (event) => {
      if (event.key === "Escape") this.close();
    };
  }

  /** Show the current link, selected, and copy it. */
  async press() {
    counters.presses += 1;
    const link = this.open();
    const copied = await copyText(link, this.env.navigator && this.env.navigator.clipboard);
    if (copied) counters.copied += 1;
    else counters.refused += 1;
    this.message.textContent = copied ? MESSAGES.copied : MESSAGES.manual;
    return copied;
  }

  /** Open the field on the current link; it then follows the address bar until closed. */
  open() {
    const link = this.follow();
    this.panel.hidden = false;
    this.button.setAttribute("aria-expanded", "true");
    if (typeof this.field.focus === "function") this.field.focus();
    if (typeof this.field.select === "function") this.field.select();
    if (this.timer === null) {
      this.timer = this.env.setInterval(() => this.follow(), FOLLOW_MS);
      this.env.document.addEventListener("pointerdown", this.outside, true);
      this.env.document.addEventListener("keydown", this.escape, true);
    }
    return link;
  }

  /** The field shows the address bar's link (a control moved since it opened). */
  follow() {
    const link = viewLink(this.env.location);
    if (this.field.value !== link) this.field.value = link;
    return link;
  }

  close() {
    this.panel.hidden = true;
    this.button.setAttribute("aria-expanded", "false");
    if (this.timer === null) return;
    this.env.clearInterval(this.timer);
    this.env.document.removeEventListener("pointerdown", this.outside, true);
    this.env.document.removeEventListener("keydown", this.escape, true);
    this.timer = null;
  }
}

export default function mount({ parentElement }) {
  if (!parentElement.__sparsityShareLink) {
    parentElement.__sparsityShareLink = new ShareLink(parentElement, document, window);
  }
  const share = parentElement.__sparsityShareLink;
  return () => {
    // React calls this when the element leaves the page (another page opened),
    // or when a newer run superseded this call: stop following only in the first case.
    setTimeout(() => {
      if (!parentElement.isConnected) share.close();
    }, 0);
  };
}
