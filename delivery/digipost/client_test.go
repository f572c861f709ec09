package digipost_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"varsel/delivery/digipost"
	"varsel/delivery/digipost/digiposttest"
)

// The canonical strings are byte for byte Digipost's documented examples.
func TestCanonicalStringsAsDocumented(t *testing.T) {
	post := digipost.CanonicalRequest("post", "/messages", "Wed, 29 Jun 2011 14:58:11 GMT",
		"q1MKE+RZFJgrefm34/uplM/R8/si9xzqGvvwK0YMbR0=", "9999", "parameter1=58&parameter2=test")
	if want := "POST\n/messages\ndate: Wed, 29 Jun 2011 14:58:11 GMT\nx-content-sha256: q1MKE+RZFJgrefm34/uplM/R8/si9xzqGvvwK0YMbR0=\n" +
		"x-digipost-userid: 9999\nparameter1=58&parameter2=test\n"; post != want {
		t.Errorf("POST canonical string:\n%q\nwant\n%q", post, want)
	}
	get := digipost.CanonicalRequest("GET", "/", "Wed, 29 Jun 2011 14:58:11 GMT", "", "9999", "")
	if want := "GET\n/\ndate: Wed, 29 Jun 2011 14:58:11 GMT\nx-digipost-userid: 9999\n\n"; get != want {
		t.Errorf("GET canonical string:\n%q\nwant\n%q", get, want)
	}
	resp := digipost.CanonicalResponse(200, "/messages", "Mon, 18 Nov 2013 09:06:42 GMT", "lTapuncEksiIcxVAw0ibcWzex3zoeMWmACvtov4IZJY=")
	if want := "200\n/messages\ndate: Mon, 18 Nov 2013 09:06:42 GMT\nx-content-sha256: lTapuncEksiIcxVAw0ibcWzex3zoeMWmACvtov4IZJY=\n"; resp != want {
		t.Errorf("response canonical string:\n%q\nwant\n%q", resp, want)
	}
}

func message(notice int) digipost.Message {
	return digipost.Message{ID: digipost.MessageID(notice), DocumentID: digipost.DocumentID(notice),
		IdentityNumber: "21891300058", Subject: "Varsel fra kriminalomsorgen", PDF: []byte("%PDF-1.3 test")}
}

// NT1, NT6: a notice goes to the mailbox of the identity number, sensitive
// and two-factor, without SMS or e-mail alerts, signed so Digipost verifies it.
func TestSendDeliversOnce(t *testing.T) {
	dp := digiposttest.New(t)
	c := digipost.New(dp.Config(5 * time.Second))
	res, err := c.Send(context.Background(), message(42))
	if err != nil || res.AlreadyDelivered {
		t.Fatalf("send = %+v, %v (rejections %v)", res, err, dp.Rejected())
	}
	got := dp.Delivered()
	if len(got) != 1 || got[0].MessageID != digipost.MessageID(42) || got[0].IdentityNumber != "21891300058" ||
		got[0].DocumentID != digipost.DocumentID(42) || len(dp.Rejected()) != 0 {
		t.Fatalf("delivered %+v, rejected %v", got, dp.Rejected())
	}
	if digipost.MessageID(42) != digipost.MessageID(42) || digipost.MessageID(42) == digipost.MessageID(43) {
		t.Fatal("a notice's message id must be the same every time, and differ between notices")
	}
}

// NT6: a send that timed out after Digipost got the message is retried,
// and Digipost recognises the message: it is delivered once.
func TestRetryAfterTimeoutDoesNotDuplicate(t *testing.T) {
	dp := digiposttest.New(t)
	dp.HoldNext(1)
	c := digipost.New(dp.Config(300 * time.Millisecond))
	if _, err := c.Send(context.Background(), message(7)); err == nil {
		t.Fatal("the first send should have timed out")
	}
	res, err := c.Send(context.Background(), message(7))
	if err != nil || !res.AlreadyDelivered {
		t.Fatalf("retry = %+v, %v", res, err)
	}
	if n := len(dp.Delivered()); n != 1 || dp.Posts() != 2 {
		t.Fatalf("%d delivered from %d requests; want 1 from 2", n, dp.Posts())
	}
}

// A request signed with another key is refused the way Digipost refuses it,
// and a response not signed by Digipost is not believed.
func TestSignaturesAreChecked(t *testing.T) {
	dp := digiposttest.New(t)
	other := digiposttest.New(t)

	forged := dp.Config(5 * time.Second)
	forged.Key = other.SenderKey
	_, err := digipost.New(forged).Send(context.Background(), message(1))
	if !errors.Is(err, digipost.ErrRejected) || len(dp.Rejected()) != 1 || !strings.Contains(dp.Rejected()[0], "signature") {
		t.Fatalf("forged request: err %v, rejected %v", err, dp.Rejected())
	}

	impostor := dp.Config(5 * time.Second)
	impostor.ServerCert = other.ServerCert
	if _, err := digipost.New(impostor).Send(context.Background(), message(2)); err == nil || !strings.Contains(err.Error(), "signature") {
		t.Fatalf("a response signed by someone else was accepted: %v", err)
	}
}

// Digipost is configured completely or not at all.
func TestConfigFromEnv(t *testing.T) {
	none, err := digipost.ConfigFromEnv(func(string) string { return "" })
	if none != nil || err != nil {
		t.Fatalf("unconfigured: %v %v", none, err)
	}
	if _, err := digipost.ConfigFromEnv(func(k string) string {
		return map[string]string{"DIGIPOST_URL": "https://api.digipost.no"}[k]
	}); err == nil {
		t.Fatal("a partial configuration was accepted")
	}
	dp := digiposttest.New(t)
	env := map[string]string{}
	for _, kv := range dp.WriteFiles(t, t.TempDir()) {
		k, v, _ := strings.Cut(kv, "=")
		env[k] = v
	}
	cfg, err := digipost.ConfigFromEnv(func(k string) string { return env[k] })
	if err != nil || cfg.SenderID != dp.SenderID {
		t.Fatalf("config = %+v, %v", cfg, err)
	}
	if _, err := digipost.New(*cfg).Send(context.Background(), message(3)); err != nil {
		t.Fatal(err)
	}
}
