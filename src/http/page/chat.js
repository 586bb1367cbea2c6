/*
 * Waypoint's local chat page: Microsoft's Web Chat, talking to the bot
 * through a small Direct Line-compatible object that posts each activity to
 * /api/messages with deliveryMode "expectReplies" and emits the replies.
 * No Azure and no network beyond this server: it works offline.
 *
 * The Web Chat contract (its docs, CHAT_ADAPTER.md): activity$ carries every
 * activity, including an echo of the user's own with its clientActivityID,
 * an id and a timestamp; postActivity returns an observable of the id;
 * connectionStatus$ goes 0 (uninitialised), 1 (connecting), 2 (online).
 */
(function () {
  'use strict';

  var ENDPOINT = '/api/messages';

  /** A minimal ES Observable: what Web Chat needs of Direct Line's streams. */
  function Observable(subscriber) {
    this._subscriber = subscriber;
  }
  Observable.prototype.subscribe = function (next, error, complete) {
    var observer = typeof next === 'function' || next === undefined ? { next: next, error: error, complete: complete } : next;
    var closed = false;
    var cleanup = this._subscriber({
      next: function (value) {
        if (!closed && observer.next) observer.next(value);
      },
      error: function (reason) {
        if (!closed && observer.error) observer.error(reason);
        closed = true;
      },
      complete: function () {
        if (!closed && observer.complete) observer.complete();
        closed = true;
      },
    });
    return {
      unsubscribe: function () {
        closed = true;
        if (typeof cleanup === 'function') cleanup();
      },
      get closed() {
        return closed;
      },
    };
  };
  Observable.prototype[(typeof Symbol === 'function' && Symbol.observable) || '@@observable'] = function () {
    return this;
  };

  /** Emits to every current subscriber; `last` is replayed to new ones (for the connection status). */
  function subject(replayLast) {
    var observers = [];
    var hasLast = false;
    var last;
    var onFirst = null;
    var self = {
      observable: new Observable(function (observer) {
        observers.push(observer);
        if (replayLast && hasLast) observer.next(last);
        if (onFirst) {
          var start = onFirst;
          onFirst = null;
          start();
        }
        return function () {
          observers = observers.filter(function (o) {
            return o !== observer;
          });
        };
      }),
      next: function (value) {
        hasLast = true;
        last = value;
        observers.slice().forEach(function (o) {
          o.next(value);
        });
      },
      onFirstSubscribe: function (start) {
        onFirst = start;
      },
    };
    return self;
  }

  function uuid() {
    return window.crypto && crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random().toString(16).slice(2);
  }

  function createLocalDirectLine() {
    var conversation = { id: 'webchat-' + uuid() };
    var user = { id: 'user-' + uuid(), name: 'You', role: 'user' };
    var bot = { id: 'waypoint', name: 'Waypoint', role: 'bot' };
    var activities = subject(false);
    var status = subject(true);
    var sequence = 0;

    function nextId() {
      sequence += 1;
      return conversation.id + '|' + String(sequence).padStart(6, '0');
    }

    /** Posts an activity and emits the bot's replies; resolves with the activity's id. */
    function send(activity) {
      var id = nextId();
      var outgoing = Object.assign({}, activity, {
        id: id,
        channelId: 'webchat',
        serviceUrl: window.location.origin,
        conversation: conversation,
        from: user,
        recipient: bot,
        timestamp: new Date().toISOString(),
        deliveryMode: 'expectReplies',
      });
      return fetch(ENDPOINT, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(outgoing) })
        .then(function (response) {
          if (!response.ok) throw new Error('Waypoint answered ' + response.status);
          return response.json();
        })
        .then(function (body) {
          (body.activities || []).forEach(function (reply) {
            if (reply.type !== 'message' && reply.type !== 'typing') return;
            offerCaseNote(reply);
            activities.next(
              Object.assign({}, reply, {
                id: nextId(),
                from: Object.assign({}, reply.from, bot),
                conversation: conversation,
                timestamp: new Date().toISOString(),
                replyToId: id,
              }),
            );
          });
          return id;
        });
    }

    activities.onFirstSubscribe(function () {
      status.next(1);
      status.next(2);
      // Opening the chat: the bot is "added" and welcomes the user (after Web Chat has finished subscribing).
      setTimeout(function () {
        send({ type: 'conversationUpdate', membersAdded: [user, bot] }).catch(function () {
          status.next(4);
        });
      }, 0);
    });
    status.next(0);

    return {
      activity$: activities.observable,
      connectionStatus$: status.observable,
      postActivity: function (activity) {
        return new Observable(function (observer) {
          var id;
          // Echo the user's own activity first, keeping its clientActivityID, so Web Chat marks it sent.
          var echoId = nextId();
          activities.next(Object.assign({}, activity, { id: echoId, from: user, conversation: conversation, timestamp: new Date().toISOString() }));
          send(activity).then(
            function (sentId) {
              id = sentId;
              observer.next(echoId);
              observer.complete();
            },
            function (reason) {
              observer.error(reason);
            },
          );
          return function () {
            return id;
          };
        });
      },
      end: function () {
        status.next(5);
      },
    };
  }

  /** "Copy for case notes": the latest case note's text, copied by the header's Copy case note button. */
  var caseNote = '';
  var copyButton = document.getElementById('copy-note');

  function offerCaseNote(reply) {
    var guidance = reply.channelData && reply.channelData.guidance;
    if (!guidance || guidance.kind !== 'case-note' || typeof guidance.record !== 'string') return;
    caseNote = guidance.record;
    copyButton.hidden = false;
    copyButton.textContent = 'Copy case note';
  }

  /** The clipboard API where the page may use it; otherwise a selected text area and the copy command. */
  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    var area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    var copied = document.execCommand('copy');
    document.body.removeChild(area);
    return copied ? Promise.resolve() : Promise.reject(new Error('copy refused'));
  }

  copyButton.addEventListener('click', function () {
    copyText(caseNote).then(
      function () {
        copyButton.textContent = 'Copied';
      },
      function () {
        copyButton.textContent = 'Copy failed: select the text in the card';
      },
    );
  });

  var store = window.WebChat.createStore();
  window.WebChat.renderWebChat(
    {
      directLine: createLocalDirectLine(),
      store: store,
      userID: 'local-user',
      username: 'You',
      locale: 'en-GB',
      styleOptions: { hideUploadButton: true, sendBoxTextWrap: true },
    },
    document.getElementById('webchat'),
  );

  document.getElementById('start-over').addEventListener('click', function () {
    store.dispatch({ type: 'WEB_CHAT/SEND_MESSAGE', payload: { text: 'start over' } });
  });
})();
