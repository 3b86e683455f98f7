// The Copy link button (live/share/share_link.js) with a stand-in DOM, clipboard and clock.
import assert from "node:assert/strict";
import { test } from "node:test";

import { MESSAGES, ShareLink, copyText, counters, viewLink } from "../share/share_link.js";

function fakeNode(tag) {
  const listeners = {};
  return {
    tag,
    children: [],
    attributes: {},
    hidden: false,
    value: "",
    textContent: "",
    focused: 0,
    selected: 0,
    listeners,
    appendChild(child) {
      this.children.push(child);
      return child;
    },
    setAttribute(name, value) {
      this.attributes[name] = String(value);
    },
    addEventListener(type, handler) {
      (listeners[type] ??= []).push(handler);
    },
    fire(type, event = {}) {
      for (const handler of listeners[type] ?? []) handler(event);
    },
    focus() {
      this.focused += 1;
    },
    select() {
      this.selected += 1;
    },
  };
}

/** A window: an address bar to set, a clipboard that accepts or refuses, a manual clock. */
function fakeWindow({ clipboard = "accept" } = {}) {
  const timers = new Map();
  let next = 1;
  const documentListeners = new Map();
  const env = {
    location: { href: "https://lab.example/one_weight?a=1.5" },
    copied: [],
    navigator: {},
    document: {
      createElement: (tag) => fakeNode(tag),
      createElementNS: (_ns, tag) => fakeNode(tag),
      createTextNode: (text) => ({ text }),
      addEventListener(type, handler, capture) {
        documentListeners.set(`${type}/${capture}`, handler);
      },
      removeEventListener(type, handler, capture) {
        if (documentListeners.get(`${type}/${capture}`) === handler) {
          documentListeners.delete(`${type}/${capture}`);
        }
      },
    },
    documentListeners,
    setInterval(handler, ms) {
      timers.set(next, { handler, ms });
      return next++;
    },
    clearInterval(id) {
      timers.delete(id);
    },
    tick() {
      for (const { handler } of timers.values()) handler();
    },
    timers,
  };
  if (clipboard === "accept") {
    env.navigator.clipboard = { writeText: async (text) => void env.copied.push(text) };
  } else if (clipboard === "refuse") {
    env.navigator.clipboard = {
      writeText: async () => {
        throw new Error("NotAllowedError");
      },
    };
  }
  return env;
}

function mountOn(env) {
  const parent = fakeNode("div");
  const share = new ShareLink(parent, env.document, env);
  return { parent, share };
}

test("the link is the address bar's URL without its fragment", () => {
  assert.equal(
    viewLink({ href: "https://lab.example/~/+/how_often?n=1000&t=1.25#the-odds" }),
    "https://lab.example/~/+/how_often?n=1000&t=1.25",
  );
  assert.equal(viewLink({ href: "http://localhost:8501/" }), "http://localhost:8501/");
  // Encoded values stay as the address bar has them (a slug, a number, a space).
  assert.equal(
    viewLink({ href: "http://localhost:8501/?left_region=elasticnet&note=a%20b" }),
    "http://localhost:8501/?left_region=elasticnet&note=a%20b",
  );
});

test("copyText reports whether the clipboard took the text", async () => {
  const taken = [];
  assert.equal(await copyText("x", { writeText: async (t) => void taken.push(t) }), true);
  assert.deepEqual(taken, ["x"]);
  assert.equal(await copyText("x", undefined), false);
  assert.equal(await copyText("x", {}), false);
  assert.equal(
    await copyText("x", {
      writeText: async () => {
        throw new Error("denied");
      },
    }),
    false,
  );
});

test("a press copies the current link and shows it, selected, under the button", async () => {
  const env = fakeWindow();
  const { parent, share } = mountOn(env);
  assert.equal(parent.children.length, 1);
  assert.equal(share.panel.hidden, true);
  assert.equal(share.button.attributes["aria-expanded"], "false");
  const before = { ...counters };
  assert.equal(await share.press(), true);
  assert.deepEqual(env.copied, ["https://lab.example/one_weight?a=1.5"]);
  assert.equal(share.field.value, "https://lab.example/one_weight?a=1.5");
  assert.equal(share.panel.hidden, false);
  assert.equal(share.button.attributes["aria-expanded"], "true");
  assert.ok(share.field.selected >= 1 && share.field.focused >= 1);
  assert.equal(share.message.textContent, MESSAGES.copied);
  assert.equal(counters.presses, before.presses + 1);
  assert.equal(counters.copied, before.copied + 1);
});

test("a refused clipboard leaves the link in the field with a word on copying it by hand", async () => {
  for (const clipboard of ["refuse", "none"]) {
    const env = fakeWindow({ clipboard });
    const { share } = mountOn(env);
    const refused = counters.refused;
    assert.equal(await share.press(), false);
    assert.equal(share.field.value, "https://lab.example/one_weight?a=1.5");
    assert.equal(share.panel.hidden, false);
    assert.equal(share.message.textContent, MESSAGES.manual);
    assert.equal(counters.refused, refused + 1);
  }
});

test("the open field follows the address bar; a second press copies the new link", async () => {
  const env = fakeWindow();
  const { share } = mountOn(env);
  await share.press();
  assert.equal(env.timers.size, 1);
  // A control moved (a full run or a fragment's): the address bar changed.
  env.location.href = "https://lab.example/one_weight?a=1.55&lam=2.0";
  env.tick();
  assert.equal(share.field.value, "https://lab.example/one_weight?a=1.55&lam=2.0");
  await share.press();
  assert.equal(env.timers.size, 1, "one timer, however many presses");
  assert.deepEqual(env.copied, [
    "https://lab.example/one_weight?a=1.5",
    "https://lab.example/one_weight?a=1.55&lam=2.0",
  ]);
});

test("Escape or a press outside closes the field and stops following", async () => {
  const env = fakeWindow();
  const { share } = mountOn(env);
  await share.press();
  assert.equal(env.documentListeners.size, 2);
  // A press inside (on the field) keeps it open.
  env.documentListeners.get("pointerdown/true")({ composedPath: () => [share.field, share.root] });
  assert.equal(share.panel.hidden, false);
  env.documentListeners.get("keydown/true")({ key: "Enter" });
  assert.equal(share.panel.hidden, false);
  env.documentListeners.get("keydown/true")({ key: "Escape" });
  assert.equal(share.panel.hidden, true);
  assert.equal(share.button.attributes["aria-expanded"], "false");
  assert.equal(env.timers.size, 0);
  assert.equal(env.documentListeners.size, 0);

  await share.press();
  env.documentListeners.get("pointerdown/true")({ composedPath: () => [{}] });
  assert.equal(share.panel.hidden, true);
  assert.equal(env.timers.size, 0);
  share.close(); // closing twice is harmless
  assert.equal(share.panel.hidden, true);
});

test("the button is pressed through its click listener", async () => {
  const env = fakeWindow();
  const { share } = mountOn(env);
  share.button.fire("click");
  await new Promise((resolve) => setTimeout(resolve, 0));
  assert.deepEqual(env.copied, ["https://lab.example/one_weight?a=1.5"]);
});
